import {
  byDateThenId,
  importBuyers,
  importDocuments,
  importFxRates,
  importPayments,
  OpenBalances,
  parsePayment,
  paymentHash,
  paymentKey,
  type RowSource,
  readSource,
  reportAging,
  reportKpis,
  type Store,
  type Stored,
} from '@credence/app';
import { type Allocation, addMonths, type BusinessDate, date, type Payment } from '@credence/core';
import { generatePortfolio, type PaymentRow } from '@credence/demo';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../src/index';
import { targets, useTarget } from './harness';

// The streamed payment import (parts, payments kept by column, buyers allocated and written a group at a
// time) against the import as it was before it (the whole file read, then allocated in one (date, id)
// order against one read of every buyer's open invoices, then written at once; frozen below), on a
// generated portfolio: the same allocation rows, closings, applied dates, unapplied cash, aging and KPIs,
// to the minor unit. The payments come in two files (the second onto stored payments and allocations).

/** The payment import before streaming (commit bccf0c6), its allocation path: valid files only. */
async function referenceImport(store: Store, source: RowSource): Promise<void> {
  const read = await readSource('payments', source, undefined, {}, parsePayment);
  expect(read.errors.count).toBe(0);
  await store.transact(async (tx) => {
    const stored = new Set(
      (
        await tx.storedHashes(
          'payment',
          read.items.map((i) => i.value.id),
        )
      ).map((s) => s.key),
    );
    const payments: Stored<Payment>[] = read.items
      .filter((i) => !stored.has(i.value.id))
      .map((i) => ({ ...i.value, idempotencyKey: paymentKey(i.value.id), contentHash: paymentHash(i.value) }));
    const buyers = [...new Set(payments.map((p) => p.buyerId))];
    const balances = new OpenBalances(await tx.openInvoices(buyers));
    const allocations: Allocation[] = [];
    const applied: { id: string; appliedOn: BusinessDate }[] = [];
    for (const p of [...payments].sort(byDateThenId)) {
      const plan = balances.allocate(p);
      let last = p.date;
      for (const a of plan.allocations) {
        allocations.push(a);
        if (a.date > last) last = a.date;
      }
      if (plan.unapplied === 0n) applied.push({ id: p.id, appliedOn: last });
    }
    await tx.insertSettlements({
      payments,
      allocations,
      closed: balances.closings(),
      touched: balances.touched(),
      applied,
    });
  });
}

const source = <R extends Readonly<Record<string, string>>>(
  file: string,
  columns: readonly string[],
  rows: readonly R[],
): RowSource => ({ file, columns, rows: rows.map((values, i) => ({ row: i + 2, values })) });

const END = date('2025-06-30');
const portfolio = generatePortfolio({ seed: 7, size: { buyers: 40, invoices: 1_600 }, endDate: END });
const CUT = addMonths(END, -6);
const firstPayments = portfolio.payments.filter((p) => p.payment_date <= CUT);
/** Cash the portfolio never leaves unapplied: more than a buyer owes, and a second payment of a paid invoice. */
const extra = (n: number): PaymentRow => {
  const inv = portfolio.documents[n * 97] as (typeof portfolio.documents)[number];
  return {
    payment_id: `PAY-X-${n}`,
    buyer_id: inv.buyer_id,
    payment_date: n % 2 === 0 ? END : CUT,
    amount: n % 2 === 0 ? '9999999.00' : inv.amount,
    currency: inv.currency,
    document_number: n % 2 === 0 ? '' : inv.document_number,
  };
};
const laterPayments = [...portfolio.payments.filter((p) => p.payment_date > CUT), ...[0, 1, 2, 3].map(extra)];
const PAYMENT_COLUMNS = Object.keys(portfolio.payments[0] ?? {});
const DATES = [END, addMonths(END, -3), addMonths(END, -12), CUT];

type Importer = (store: Store, file: RowSource) => Promise<void>;

async function load(store: Store, pay: Importer): Promise<void> {
  const b = portfolio.buyers;
  expect((await importBuyers(store, source('buyers.csv', Object.keys(b[0] ?? {}), b))).ok).toBe(true);
  const fx = portfolio.fxRates;
  expect((await importFxRates(store, source('fx.csv', Object.keys(fx[0] ?? {}), fx))).ok).toBe(true);
  const d = portfolio.documents;
  expect((await importDocuments(store, source('inv.csv', Object.keys(d[0] ?? {}), d))).ok).toBe(true);
  await pay(store, source('pay-1.csv', PAYMENT_COLUMNS, firstPayments));
  await pay(store, source('pay-2.csv', PAYMENT_COLUMNS, [...laterPayments, ...firstPayments.slice(0, 50)]));
}

/** Everything the allocation decides, and what the reports read of it. */
async function outcome(store: Store, engine: Engine) {
  const allocations = await sql`
    select kind, entry_id, document_number, buyer_id, date::text as date, delta::text as delta, currency
    from allocations order by kind, entry_id, document_number, date, delta`.execute(engine.db);
  const closings =
    await sql`select number, closed_on::text as closed_on from document_closings order by number`.execute(engine.db);
  const applied = await sql`select id, applied_on::text as applied_on from payments order by id`.execute(engine.db);
  // Migrations 060, 061: each document keeps its earliest allocation row's date (the as-of reads skip it before then).
  const misdated = await sql<{ n: number | string }>`
    select count(*) as n from (select number, first_moved_on from document_closings
                               union all select number, first_moved_on from open_documents) c
    where c.first_moved_on is distinct from (select min(a.date) from allocations a where a.document_number = c.number)`.execute(
    engine.db,
  );
  const reports: unknown[] = [];
  for (const asOf of DATES) {
    reports.push(await store.unappliedCash(asOf));
    reports.push(await reportAging(store, { asOf, byBuyer: true }));
    reports.push(await reportKpis(store, { asOf }));
  }
  return {
    allocations: allocations.rows,
    closings: closings.rows,
    applied: applied.rows,
    misdated: Number(misdated.rows[0]?.n),
    reports,
  };
}

const streamed =
  (chunkSize?: number): Importer =>
  async (store, file) => {
    const r = await importPayments(store, file, undefined, chunkSize !== undefined ? { chunkSize } : {});
    expect(r.ok).toBe(true);
  };

for (const target of targets()) {
  describe(`the streamed payment import allocates like the import before it on ${target.name}`, () => {
    const h = useTarget(target);

    it('on a generated portfolio, in two files, with groups of any size', async () => {
      const { store, engine, reset } = h();
      await reset();
      await load(store, referenceImport);
      const want = await outcome(store, engine);
      // Not vacuous: both kinds of payment, documents closed and left open, cash left unapplied.
      expect(firstPayments.some((p: PaymentRow) => p.document_number === '')).toBe(true);
      expect(want.allocations.length).toBeGreaterThan(1_000);
      expect(want.closings.length).toBeGreaterThan(500);
      expect(want.closings.length).toBeLessThan(portfolio.documents.length);
      expect(want.misdated).toBe(0);
      expect(want.applied.some((p) => (p as { applied_on: string | null }).applied_on === null)).toBe(true);
      for (const chunkSize of [undefined, 1, 97]) {
        await reset();
        await load(store, streamed(chunkSize));
        expect(await outcome(store, engine), `chunkSize ${chunkSize}`).toEqual(want);
      }
    });
  });
}
