import type { Allocation, BusinessDate, Payment, Result } from '@credence/core';
import { paymentKey, paymentProblems } from '../entries/check-payment';
import { byDateThenId, OpenBalances } from '../entries/open-balances';
import type { DocumentRef, Store, Stored } from '../ports';
import { dedupeInFile, lookUp, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parsePayment } from './parse-rows';
import { readSource } from './read-source';
import { paymentHash } from './row-hash';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

const refKey = (r: DocumentRef): string => `${r.number}\u0000${r.buyerId}\u0000${r.currency}`;

/** The parsed payment itself becomes the stored row (key and hash added to it, no copy: a million rows). */
const toStored = (p: Payment, contentHash: string): Stored<Payment> =>
  Object.assign(p, { idempotencyKey: paymentKey(p.id), contentHash });

/**
 * Imports payments, all or nothing, and allocates the new ones in (date, id) order against the open
 * invoices of their buyers (core `planAllocation`); cash not allocated stays unapplied on the payment.
 * A payment id already stored with other content is an `idempotency_conflict`.
 */
export async function importPayments(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = await readSource('payments', source, mapping, options, parsePayment);
  const { unique, repeats } = dedupeInFile(
    read.items,
    (p) => p.id,
    paymentHash,
    (row, firstRow, p) =>
      read.rowError(row, 'payment_id', p.id, 'idempotency_conflict', {
        against: 'file',
        firstRow,
        key: paymentKey(p.id),
      }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const stored = new Map(
      (
        await tx.storedHashes(
          'payment',
          unique.map((u) => u.value.id),
        )
      ).map((s) => [s.key, s.contentHash]),
    );
    let unchanged = repeats;
    const fresh: (typeof unique)[number][] = [];
    for (const u of unique) {
      const before = stored.get(u.value.id);
      if (before === undefined) fresh.push(u);
      else if (before === u.hash) unchanged += 1;
      else
        read.rowError(u.row, 'payment_id', u.value.id, 'idempotency_conflict', {
          against: 'store',
          key: paymentKey(u.value.id),
        });
    }
    unique.length = 0;
    const buyers = new Set(fresh.map((u) => u.value.buyerId));
    const unknown = new Set(await tx.unknownBuyers([...buyers]));
    const refs: DocumentRef[] = [];
    for (const { value: p } of fresh)
      if (p.documentNumber !== undefined)
        refs.push({ number: p.documentNumber, buyerId: p.buyerId, currency: p.currency });
    // Only the named documents that are missing or differ come back; the others match the payment.
    const wrong = new Map((await tx.documentMismatches(refs)).map((m) => [refKey(m.ref), m.stored]));
    for (const u of fresh) {
      const p = u.value;
      const buyer = unknown.has(p.buyerId) ? undefined : { id: p.buyerId };
      let named: DocumentRef | undefined;
      if (p.documentNumber !== undefined) {
        const ref = { number: p.documentNumber, buyerId: p.buyerId, currency: p.currency };
        const key = refKey(ref);
        named = wrong.has(key) ? wrong.get(key) : ref;
      }
      for (const e of paymentProblems(p, buyer, named)) {
        const value =
          e.field === 'buyer_id' ? p.buyerId : e.field === 'currency' ? p.currency : (p.documentNumber ?? '');
        read.rowError(u.row, e.field, value, e.code, e.params);
      }
    }
    ensureClean();
    const balances = new OpenBalances(await lookUp(buyers, (ids) => tx.openInvoices(ids)));
    const payments = fresh.map((u) => toStored(u.value, u.hash));
    fresh.length = 0;
    const allocations: Allocation[] = [];
    const applied: { id: string; appliedOn: BusinessDate }[] = [];
    // Allocated in (date, id) order; written in file order (usually the id order, which keeps the key
    // indexes' inserts local): the sort goes through row indexes, not a second array of the payments.
    const order = Uint32Array.from(payments.keys()).sort((a, b) =>
      byDateThenId(payments[a] as Payment, payments[b] as Payment),
    );
    for (const i of order) {
      const p = payments[i] as Stored<Payment>;
      const plan = balances.allocate(p);
      let last = p.date;
      for (const a of plan.allocations) {
        allocations.push(a);
        if (a.date > last) last = a.date;
      }
      if (plan.unapplied === 0n) applied.push({ id: p.id, appliedOn: last });
    }
    // One write, streamed in parts: payments, their rows, then the closings and applications.
    await tx.insertSettlements({ payments, allocations, closed: balances.closings(), applied });
    return {
      kind: 'payments' as const,
      file: source.file,
      rows: read.rows,
      skipped: read.skipped,
      created: payments.length,
      updated: 0,
      unchanged,
      allocations: allocations.length,
    };
  });
}
