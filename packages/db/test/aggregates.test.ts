import { agingTrend, type CreditorLedger, monthEndBefore, reportAging, type Store } from '@credence/app';
import {
  addDays,
  type BusinessDate,
  bucketCells,
  bucketSet,
  date,
  kpiInputsFromItems,
  openItemsAsOf,
} from '@credence/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EUR, JPY, USD } from './fixtures';
import { targets, useTarget } from './harness';
import { generateLedger, type Ledger } from './ledger-gen';
import { referenceBehaviour, referenceOpenInvoices, referenceUnapplied, sortBy } from './reference';

const sets = [bucketSet(), bucketSet([30, 31]), bucketSet([1, 45, 365])].map((r) => {
  if (!r.ok) throw new Error('bad buckets');
  return r.value;
});

async function write(store: Store, l: Ledger) {
  // Documents in two transactions, every other one first: the daily sales sums (migration 020) take a day's
  // documents from several statements, back-dated ones included.
  await store.transact(async (tx) => {
    await tx.upsertBuyers(l.buyers);
    await tx.insertDocuments(l.documents.filter((_, i) => i % 2 === 1));
  });
  await store.transact(async (tx) => {
    await tx.insertDocuments(l.documents.filter((_, i) => i % 2 === 0));
    await tx.insertPayments(l.payments);
    await tx.insertWriteOffs(l.writeOffs);
    await tx.insertReversals(l.reversals);
    // Rates for the aging trend's reporting currency.
    await tx.insertFxRates(
      [USD, JPY].map((from, i) => ({
        date: date('2000-01-01'),
        from,
        to: EUR,
        rate: { coefficient: [92n, 6n][i] ?? 1n, scale: 2 },
      })),
    );
  });
  // In three transactions, reversal rows last: documents closed by an earlier one are reopened by a
  // later one, which the stored closings (`document_closings`) must follow.
  const third = Math.ceil(l.allocations.length / 3);
  for (let i = 0; i < l.allocations.length; i += third)
    await store.transact((tx) => tx.insertAllocations(l.allocations.slice(i, i + third)));
}

/** Day 0, 30, 31, 60, 61 past a due date, leap day and the day after, and before any document. */
function asOfDates(l: Ledger): BusinessDate[] {
  const due = l.documents[0]?.dueDate ?? date('2024-01-31');
  return [0, 30, 31, 60, 61]
    .map((n) => addDays(due, n))
    .concat([date('2024-02-29'), date('2024-03-01'), date('2023-11-30')]);
}

const cellKey = (c: { currency: string; buyerId?: string; bucket: number }) =>
  `${c.currency}|${c.buyerId ?? ''}|${c.bucket}`;

/** How many creditors (and creditors with unapplied cash) the random ledgers gave, so the test can fail when none. */
const seen = { creditors: 0, payments: 0, windows: 0 };

async function compare(store: Store, l: Ledger) {
  const allocs = l.allocations;
  for (const asOf of asOfDates(l)) {
    const open = openItemsAsOf(l.documents, allocs, asOf);
    for (const set of sets) {
      for (const byBuyer of [false, true]) {
        const got = await store.agingCells(asOf, set.bounds, byBuyer);
        expect(sortBy(got, cellKey), `aging ${asOf} ${set.bounds} ${byBuyer}`).toEqual(
          sortBy(bucketCells(open, asOf, set, byBuyer), cellKey),
        );
      }
    }
    const from = addDays(asOf, -45);
    const currencies = [...new Set(l.documents.filter((d) => d.issueDate <= asOf).map((d) => d.currency))].sort();
    expect(await store.kpiInputs(from, asOf), `kpis ${asOf}`).toEqual(
      currencies.map((c) => kpiInputsFromItems(l.documents, allocs, c, from, asOf)),
    );
    const bKey = (b: { buyerId: string; currency: string }) => `${b.buyerId}|${b.currency}`;
    expect(sortBy(await store.behaviourSums(from, asOf), bKey), `behaviour ${asOf}`).toEqual(
      sortBy(referenceBehaviour(l, from, asOf), bKey),
    );
    // Several windows in one read (the daily cycle's): each window what its own two reads give, and the reference.
    const windows = [
      { from, to: asOf },
      { from: addDays(from, -60), to: addDays(from, -1) },
      { from: addDays(asOf, -365), to: asOf },
      { from: addDays(asOf, -730), to: addDays(asOf, -366) },
    ];
    const read = await store.behaviourWindows(windows);
    expect(read).toHaveLength(windows.length);
    for (const [k, w] of windows.entries()) {
      expect(read[k]?.sums, `window ${w.from}..${w.to}`).toEqual(await store.behaviourSums(w.from, w.to));
      expect(sortBy([...(read[k]?.sums ?? [])], bKey)).toEqual(sortBy(referenceBehaviour(l, w.from, w.to), bKey));
      expect(read[k]?.partial, `partial ${w.from}..${w.to}`).toEqual(await store.partialSettlements(w.from, w.to));
      seen.windows += read[k]?.sums.length ?? 0;
    }
    expect(await store.behaviourSums(from, asOf, 'B1')).toEqual(
      sortBy(referenceBehaviour(l, from, asOf), bKey).filter((b) => b.buyerId === 'B1'),
    );
    for (const b of l.buyers) {
      const items = open.filter((o) => o.buyerId === b.id);
      const iKey = (o: { number: string }) => o.number;
      expect(sortBy(await store.buyerOpenItems(b.id, asOf), iKey), `open items ${b.id} ${asOf}`).toEqual(
        sortBy(items, iKey),
      );
    }
    expect(sortBy(await store.unappliedCash(asOf), bKey), `unapplied ${asOf}`).toEqual(
      sortBy(referenceUnapplied(l, asOf), bKey),
    );
    // The aging's one read: the per-buyer reads of every buyer with a credit, the others' cells, the cash.
    const creditors: CreditorLedger[] = [];
    for (const id of l.buyers.map((b) => b.id).sort()) {
      const [items, payments] = [await store.buyerOpenItems(id, asOf), await store.unappliedPayments(id, asOf)];
      if (payments.length > 0 || items.some((i) => i.open < 0n)) creditors.push({ buyerId: id, items, payments });
    }
    const others = open.filter((o) => !creditors.some((c) => c.buyerId === o.buyerId));
    for (const set of sets.slice(0, 2)) {
      for (const byBuyer of [false, true]) {
        const read = await store.agingPositions(asOf, set.bounds, byBuyer);
        expect(read.creditors, `creditors ${asOf}`).toEqual(creditors);
        expect(sortBy(read.cells, cellKey), `other cells ${asOf}`).toEqual(
          sortBy(bucketCells(others, asOf, set, byBuyer), cellKey),
        );
        expect(sortBy(read.unappliedCash, bKey), `cash ${asOf}`).toEqual(sortBy(referenceUnapplied(l, asOf), bKey));
      }
    }
    seen.creditors += creditors.length;
    seen.payments += creditors.filter((c) => c.payments.length > 0).length;
  }
  // The aging trend reads all its dates at once: the same read as each date's, and each point the date's aging.
  const dates = asOfDates(l);
  const at = await store.agingPositionsAt(dates, sets[0]?.bounds ?? []);
  for (const [i, asOf] of dates.entries()) {
    const one = await store.agingPositions(asOf, sets[0]?.bounds ?? [], false);
    const got = at[i];
    expect(got && { ...got, cells: sortBy(got.cells, cellKey) }, `trend read ${asOf}`).toEqual({
      ...one,
      cells: sortBy(one.cells, cellKey),
    });
  }
  const last = dates[4] ?? date('2024-03-31');
  const trend = await agingTrend(store, { asOf: last, months: 4, reportingCurrency: EUR });
  if (!trend.ok) throw new Error(JSON.stringify(trend.error));
  expect(trend.value.points.map((p) => p.asOf)).toEqual([3, 2, 1].map((n) => monthEndBefore(last, n)).concat([last]));
  for (const p of trend.value.points) {
    const aging = await reportAging(store, { asOf: p.asOf, reportingCurrency: EUR });
    if (!aging.ok) throw new Error(JSON.stringify(aging.error));
    expect([p.buckets, p.total], `trend ${p.asOf}`).toEqual([
      aging.value.reporting?.buckets,
      aging.value.reporting?.total,
    ]);
  }
  const ids = ['B0', 'B2', 'B3'];
  expect(sortBy(await store.openInvoices(ids), (o) => o.number)).toEqual(
    sortBy(referenceOpenInvoices(l, ids), (o) => o.number),
  );
}

for (const target of targets()) {
  describe(`SQL aggregates equal core's pure functions on ${target.name}`, () => {
    const h = useTarget(target);

    it('for random ledgers and as-of dates on bucket boundaries and leap days', async () => {
      const { store, reset } = h();
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
          const ledger = generateLedger(seed);
          await reset();
          await write(store, ledger);
          await compare(store, ledger);
        }),
        { numRuns: 12, seed: 20240229 },
      );
      expect(seen.creditors).toBeGreaterThan(0);
      expect(seen.payments).toBeGreaterThan(0);
      expect(seen.windows).toBeGreaterThan(0);
    }, 300_000);
  });
}
