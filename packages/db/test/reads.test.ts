import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, invoice, payment } from './fixtures';
import { type Harness, targets, useTarget } from './harness';

/**
 * A worked example, figures computed by hand (2024 is a leap year: 2024-01-31 → 2024-03-01 is 30 days).
 * B1: INV-A 1000 due 01-31 paid 02-15 by P-1 (1200, 200 left unapplied); INV-B 500 due 03-02.
 * B2: INV-C 2000 due 2023-12-31, 700 paid 02-20 by P-2, which bounces on 03-05; CN-1 300 unapplied.
 */
const docs = [
  invoice('INV-A', { buyerId: 'B1', issueDate: date('2024-01-01'), dueDate: date('2024-01-31'), amount: 1000n }),
  invoice('INV-B', { buyerId: 'B1', issueDate: date('2024-02-01'), dueDate: date('2024-03-02'), amount: 500n }),
  invoice('INV-C', { buyerId: 'B2', issueDate: date('2023-12-01'), dueDate: date('2023-12-31'), amount: 2000n }),
  invoice('CN-1', {
    buyerId: 'B2',
    type: 'credit_note',
    issueDate: date('2024-01-10'),
    dueDate: date('2024-01-10'),
    amount: 300n,
  }),
];
const alloc = (entryId: string, documentNumber: string, buyerId: string, d: string, delta: bigint) => ({
  kind: 'payment' as const,
  entryId,
  documentNumber,
  buyerId,
  date: date(d),
  delta,
  currency: EUR,
});

for (const target of targets()) {
  describe(`read models on ${target.name}`, () => {
    const target_ = useTarget(target);
    let seeded: Promise<void> | undefined;
    /** Seeds the worked example once, on first use (a failure to open then fails each test). */
    const h = async () => {
      const harness = target_();
      seeded ??= seed(harness);
      await seeded;
      return harness;
    };
    const seed = async ({ store, reset }: Harness) => {
      await reset();
      await store.transact(async (tx) => {
        await tx.upsertBuyers([
          { id: 'B1', name: 'Alpha', country: 'DE', currency: EUR, paymentTermsDays: 30 },
          { id: 'B2', name: 'Beta', country: 'FR', currency: EUR, paymentTermsDays: 30 },
        ]);
        await tx.insertDocuments(docs);
        await tx.insertPayments([
          payment('P-1', { buyerId: 'B1', date: date('2024-02-15'), amount: 1200n }),
          payment('P-2', { buyerId: 'B2', date: date('2024-02-20'), amount: 700n, documentNumber: 'INV-C' }),
        ]);
        await tx.insertAllocations([
          alloc('P-1', 'INV-A', 'B1', '2024-02-15', -1000n),
          alloc('P-2', 'INV-C', 'B2', '2024-02-20', -700n),
          alloc('P-2', 'INV-C', 'B2', '2024-03-05', 700n),
        ]);
        await tx.insertReversals([
          {
            id: 'R-1',
            kind: 'payment',
            targetId: 'P-2',
            date: date('2024-03-05'),
            reason: 'bounced',
            idempotencyKey: 'rv:1',
            contentHash: 'h',
          },
        ]);
      });
    };

    it('ages on day 30 into 1-30 and on day 31 into 31-60', async () => {
      const { store } = await h();
      const bounds = [30, 60, 90];
      expect(await store.agingCells(date('2024-01-30'), bounds, false)).toEqual([
        { currency: 'EUR', bucket: 0, amount: 1000n, count: 1 },
        { currency: 'EUR', bucket: 1, amount: 1700n, count: 2 },
      ]);
      expect(await store.agingCells(date('2024-01-31'), bounds, false)).toEqual([
        { currency: 'EUR', bucket: 0, amount: 1000n, count: 1 },
        { currency: 'EUR', bucket: 1, amount: -300n, count: 1 },
        { currency: 'EUR', bucket: 2, amount: 2000n, count: 1 },
      ]);
      expect(await store.agingCells(date('2024-03-01'), bounds, true)).toEqual([
        { currency: 'EUR', buyerId: 'B1', bucket: 0, amount: 500n, count: 1 },
        { currency: 'EUR', buyerId: 'B2', bucket: 2, amount: -300n, count: 1 },
        { currency: 'EUR', buyerId: 'B2', bucket: 3, amount: 1300n, count: 1 },
      ]);
    });

    it('ranks buyers by overdue amount as of a date', async () => {
      const { store } = await h();
      expect(await store.topOverdue(date('2024-03-01'), 10)).toEqual([
        { buyerId: 'B2', name: 'Beta', currency: 'EUR', overdue: 1000n, open: 1000n, oldestDaysOverdue: 61 },
      ]);
      expect(await store.topOverdue(date('2024-03-10'), 10)).toEqual([
        { buyerId: 'B2', name: 'Beta', currency: 'EUR', overdue: 1700n, open: 1700n, oldestDaysOverdue: 70 },
        { buyerId: 'B1', name: 'Alpha', currency: 'EUR', overdue: 500n, open: 500n, oldestDaysOverdue: 8 },
      ]);
      expect(await store.topOverdue(date('2024-03-10'), 1)).toHaveLength(1);
    });

    it('keeps unapplied cash and drops a bounced payment', async () => {
      const { store } = await h();
      expect(await store.unappliedCash(date('2024-02-14'))).toEqual([]);
      expect(await store.unappliedCash(date('2024-03-01'))).toEqual([{ buyerId: 'B1', currency: 'EUR', amount: 200n }]);
      expect(await store.unappliedCash(date('2024-03-10'))).toEqual([{ buyerId: 'B1', currency: 'EUR', amount: 200n }]);
    });

    it('sums settlements, netting a reversal from its date on', async () => {
      const { store } = await h();
      const b1 = {
        buyerId: 'B1',
        currency: 'EUR',
        settledAmount: 1000n,
        settlements: 1,
        amountTimesDaysToPay: 45_000n,
        amountTimesDaysLate: 15_000n,
        lateSettlements: 1,
        maxDaysLate: 15,
      };
      expect(await store.behaviourSums(date('2024-01-01'), date('2024-03-01'))).toEqual([
        b1,
        {
          buyerId: 'B2',
          currency: 'EUR',
          settledAmount: 700n,
          settlements: 1,
          amountTimesDaysToPay: 56_700n,
          amountTimesDaysLate: 35_700n,
          lateSettlements: 1,
          maxDaysLate: 51,
        },
      ]);
      expect(await store.behaviourSums(date('2024-01-01'), date('2024-03-10'))).toEqual([b1]);
      expect(await store.behaviourSums(date('2024-02-16'), date('2024-03-01'), 'B1')).toEqual([]);
    });

    it('gives the KPI inputs of the period', async () => {
      const { store } = await h();
      const [eur, ...rest] = await store.kpiInputs(date('2024-02-01'), date('2024-03-01'));
      expect(rest).toEqual([]);
      expect(eur).toMatchObject({ totalAr: 1500n, currentAr: 500n, beginningAr: 2700n, creditSales: 500n });
      expect(eur?.monthlySales.slice(0, 5)).toEqual([
        { from: '2024-02-02', to: '2024-03-01', sales: 0n },
        { from: '2024-01-02', to: '2024-02-01', sales: 200n },
        { from: '2023-12-02', to: '2024-01-01', sales: 1000n },
        { from: '2023-11-02', to: '2023-12-01', sales: 2000n },
        { from: '2023-10-02', to: '2023-11-01', sales: 0n },
      ]);
      expect(await store.kpiInputs(date('2023-01-01'), date('2023-11-30'))).toEqual([]);
    });

    it("lists open invoices after every allocation and a buyer's open items as of a date", async () => {
      const { store } = await h();
      expect((await store.openInvoices(['B1', 'B2'])).map((o) => [o.number, o.open])).toEqual([
        ['INV-B', 500n],
        ['INV-C', 2000n],
      ]);
      expect((await store.buyerOpenItems('B2', date('2024-03-01'))).map((o) => [o.number, o.open])).toEqual([
        ['INV-C', 1300n],
        ['CN-1', -300n],
      ]);
      expect(await store.counts()).toEqual({ buyers: 2, documents: 4, payments: 2, allocations: 3 });
    });
  });
}
