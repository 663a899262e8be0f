import { importPayments, type OpenInvoice } from '@credence/app';
import {
  type Allocation,
  addDays,
  type BusinessDate,
  date,
  money,
  type Payment,
  planAllocation,
  toDecimalString,
} from '@credence/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { refreshAppliedOn, toAllocation } from '../src/repos/allocations';
import { refreshClosedOn } from '../src/repos/closings';
import type { AllocationsTable } from '../src/schema';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';
import { generateLedger, type Ledger, rng } from './ledger-gen';
import { referenceOpenInvoices, sortBy } from './reference';

// The payment import allocates a whole file in memory and writes the closings itself, for the documents
// it closes only. On random ledgers (earlier payments, credit notes, write-offs, reversals already
// stored) it must write what core's `planAllocation` gives payment by payment in (date, id) order, and
// leave every document's `closed_on` (and every payment's `applied_on`) as the set-based refresh of all
// allocation rows defines it.

async function write(h: { store: import('@credence/app').Store }, l: Ledger) {
  await h.store.transact(async (tx) => {
    await tx.upsertBuyers(l.buyers);
    await tx.insertDocuments(l.documents);
    await tx.insertPayments(l.payments);
    await tx.insertWriteOffs(l.writeOffs);
    await tx.insertReversals(l.reversals);
    await tx.insertAllocations(l.allocations);
  });
}

/** New payments for the stored ledger: some naming an open invoice of the buyer, some dated before earlier rows. */
function newPayments(l: Ledger, seed: number): Payment[] {
  const r = rng(seed ^ 0x5bd1e995);
  const open = referenceOpenInvoices(
    l,
    l.buyers.map((b) => b.id),
  );
  const out: Payment[] = [];
  for (let i = 0; i < r.int(1, 30); i++) {
    const b = r.pick(l.buyers);
    const mine = open.filter((o) => o.buyerId === b.id);
    const named = mine.length > 0 && r.next() < 0.3 ? r.pick(mine) : undefined;
    const currency = named?.currency ?? (mine.length > 0 && r.next() < 0.8 ? r.pick(mine).currency : b.currency);
    const amount =
      named !== undefined && r.next() < 0.5 ? named.open : BigInt(r.int(1, r.next() < 0.5 ? 50_000 : 900_000));
    out.push({
      id: `N-${String(r.int(0, 99)).padStart(2, '0')}-${i}`,
      buyerId: b.id,
      date: addDays(date('2023-11-20'), r.int(0, 200)),
      amount,
      currency,
      ...(named !== undefined ? { documentNumber: named.number } : {}),
    });
  }
  return out;
}

/** Core's `planAllocation`, one payment at a time in (date, id) order, each seeing what the earlier ones settled. */
function reference(open: readonly OpenInvoice[], payments: readonly Payment[]): Allocation[] {
  const items = open.map((o) => ({ ...o }));
  const out: Allocation[] = [];
  const ordered = [...payments].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  for (const p of ordered) {
    const mine = items.filter((i) => i.buyerId === p.buyerId && i.currency === p.currency && i.open > 0n);
    for (const a of planAllocation(p, mine).allocations) {
      const item = items.find((i) => i.number === a.documentNumber);
      if (item === undefined) throw new Error('unknown item');
      item.open -= a.amount;
      out.push({
        kind: 'payment',
        entryId: p.id,
        documentNumber: a.documentNumber,
        buyerId: p.buyerId,
        date: a.date,
        delta: -a.amount,
        currency: p.currency,
      });
    }
  }
  return out;
}

/** `closed_on` as defined by all allocation rows: the last row's date (or issue) when the balance is zero. */
function expectedClosedOn(l: Ledger, rows: readonly Allocation[]): Map<string, BusinessDate | null> {
  const out = new Map<string, BusinessDate | null>();
  for (const d of l.documents) {
    const mine = rows.filter((a) => a.documentNumber === d.number);
    const open = mine.reduce((s, a) => s + a.delta, d.type === 'credit_note' ? -d.amount : d.amount);
    const last = mine.reduce<BusinessDate>((m, a) => (a.date > m ? a.date : m), d.issueDate);
    out.set(d.number, mine.length > 0 && open === 0n ? last : null);
  }
  return out;
}

/** `applied_on` as defined by all rows: when the payment leaves no unapplied cash for good, else null. */
function expectedAppliedOn(l: Ledger, payments: readonly Payment[], rows: readonly Allocation[]) {
  const out = new Map<string, BusinessDate | null>();
  for (const p of payments) {
    const mine = rows.filter((a) => a.kind === 'payment' && a.entryId === p.id);
    const left = mine.reduce((s, a) => s + a.delta, p.amount);
    const last = mine.reduce<BusinessDate>((m, a) => (a.date > m ? a.date : m), p.date);
    const reversal = l.reversals.find((r) => r.kind === 'payment' && r.targetId === p.id);
    out.set(p.id, reversal !== undefined ? (reversal.date > last ? reversal.date : last) : left === 0n ? last : null);
  }
  return out;
}

const aKey = (a: Allocation) => `${a.entryId}|${a.documentNumber}|${a.date}|${a.delta}`;

for (const target of targets()) {
  describe(`payment import allocates in bulk like planAllocation on ${target.name}`, () => {
    const h = useTarget(target);

    it('writes the reference allocation rows and the closed_on of the refresh, on random ledgers', async () => {
      const { store, engine, reset } = h();
      let closedByImport = 0;
      let appliedByImport = 0;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
          const ledger = generateLedger(seed);
          await reset();
          await write({ store }, ledger);
          const payments = newPayments(ledger, seed);
          const open = referenceOpenInvoices(
            ledger,
            ledger.buyers.map((b) => b.id),
          );
          const file = rowFile(
            'payments.csv',
            ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
            payments.map((p) => [
              p.id,
              p.buyerId,
              p.date,
              toDecimalString(money(p.amount, p.currency)),
              p.currency,
              p.documentNumber ?? '',
            ]),
          );
          const r = await importPayments(store, file);
          if (!r.ok) throw new Error(JSON.stringify(r.error.errors));
          const want = reference(open, payments);
          expect(r.value.allocations).toBe(want.length);
          const { rows } = await sql<AllocationsTable>`select * from allocations`.execute(engine.db);
          const all = rows.map(toAllocation);
          const ids = new Set(payments.map((p) => p.id));
          expect(
            sortBy(
              all.filter((a) => ids.has(a.entryId)),
              aKey,
            ),
          ).toEqual(sortBy(want, aKey));
          const closed = await sql<{ number: string; closed_on: string | null }>`
            select d.number, c.closed_on from documents d left join document_closings c on c.number = d.number`.execute(
            engine.db,
          );
          const expected = expectedClosedOn(ledger, all);
          for (const d of closed.rows) expect(d.closed_on, `closed_on of ${d.number}`).toBe(expected.get(d.number));
          const paid = await sql<{ id: string; applied_on: string | null }>`
            select id, applied_on from payments`.execute(engine.db);
          const applied = expectedAppliedOn(ledger, [...ledger.payments, ...payments], all);
          for (const p of paid.rows) expect(p.applied_on, `applied_on of ${p.id}`).toBe(applied.get(p.id));
          appliedByImport += paid.rows.filter((p) => p.applied_on !== null && ids.has(p.id)).length;
          // The generic refresh (every other writer's path) agrees on the same rows.
          await engine.transact(async (conn) => {
            await refreshClosedOn(
              conn,
              closed.rows.map((d) => d.number),
            );
            await refreshAppliedOn(
              conn,
              paid.rows.map((p) => p.id),
            );
          });
          const again = await sql<{ id: string; applied_on: string | null }>`
            select id, applied_on from payments`.execute(engine.db);
          for (const p of again.rows) expect(p.applied_on, `refreshed applied_on of ${p.id}`).toBe(applied.get(p.id));
          const reclosed = await sql<{ number: string; closed_on: string | null }>`
            select d.number, c.closed_on from documents d left join document_closings c on c.number = d.number`.execute(
            engine.db,
          );
          for (const d of reclosed.rows)
            expect(d.closed_on, `refreshed closed_on of ${d.number}`).toBe(expected.get(d.number));
          const settled = new Set(want.map((a) => a.documentNumber));
          closedByImport += closed.rows.filter((d) => d.closed_on !== null && settled.has(d.number)).length;
        }),
        { numRuns: 15, seed: 4711 },
      );
      // Not vacuous: the imports closed documents (and left others open).
      expect(closedByImport).toBeGreaterThan(5);
      expect(appliedByImport).toBeGreaterThan(5);
    });
  });
}
