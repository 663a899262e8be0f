import { buyerOverview, reportAging } from '@credence/app';
import type { Grade } from '@credence/core';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, invoice, payment, USD } from './fixtures';
import { type Harness, targets, useTarget } from './harness';

const grade = (g: number, tier: Grade['tier']): Grade => ({
  grade: g,
  pd: g / 100,
  tier,
  confidence: 'high',
  reasons: [],
  missing: [],
});

/**
 * The dashboard's reads: B1 (DE, graded 3 then 6) owes two invoices and has 100 of cash on account; B2 (FR,
 * never graded) owes one USD invoice and has a credit note; B3 (DE) has paid everything.
 */
for (const target of targets()) {
  describe(`portfolio reads on ${target.name}`, () => {
    const target_ = useTarget(target);
    let seeded: Promise<void> | undefined;
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
          { id: 'B2', name: 'Beta', country: 'FR', currency: USD, paymentTermsDays: 30 },
          { id: 'B3', name: 'Gamma', country: 'DE', currency: EUR, paymentTermsDays: 30 },
        ]);
        await tx.insertDocuments([
          invoice('I-1', { buyerId: 'B1', issueDate: date('2024-01-01'), dueDate: date('2024-01-31'), amount: 1000n }),
          invoice('I-2', { buyerId: 'B1', issueDate: date('2024-02-01'), dueDate: date('2024-03-02'), amount: 500n }),
          invoice('I-3', {
            buyerId: 'B2',
            currency: USD,
            issueDate: date('2024-01-15'),
            dueDate: date('2024-02-14'),
            amount: 800n,
          }),
          invoice('C-1', {
            buyerId: 'B2',
            type: 'credit_note',
            currency: USD,
            issueDate: date('2024-02-01'),
            dueDate: date('2024-02-01'),
            amount: 300n,
          }),
          invoice('I-4', { buyerId: 'B3', issueDate: date('2024-01-01'), dueDate: date('2024-01-31'), amount: 200n }),
        ]);
        await tx.insertPayments([
          payment('P-1', { buyerId: 'B1', date: date('2024-02-20'), amount: 100n }),
          payment('P-3', { buyerId: 'B3', date: date('2024-01-20'), amount: 200n, documentNumber: 'I-4' }),
        ]);
        await tx.insertAllocations([
          {
            kind: 'payment',
            entryId: 'P-3',
            documentNumber: 'I-4',
            buyerId: 'B3',
            date: date('2024-01-20'),
            delta: -200n,
            currency: EUR,
          },
        ]);
        await tx.upsertGrades([
          { buyerId: 'B1', asOf: date('2024-01-31'), grade: grade(3, 'low') },
          { buyerId: 'B1', asOf: date('2024-02-29'), grade: grade(6, 'medium') },
        ]);
        for (const [buyerId, kind, amount, validFrom] of [
          ['B1', 'approval', 1000n, '2024-01-01'],
          ['B1', 'request', 5000n, '2024-01-01'],
          ['B2', 'approval', 400n, '2024-03-01'],
        ] as const)
          await tx.appendLimitEvent({
            buyerId,
            kind,
            amount,
            currency: EUR,
            validFrom: date(validFrom),
            by: 'cm',
            reason: 'test',
            recordedOn: date(validFrom),
          });
      });
    };

    it('gives each buyer with an open item its items, unapplied payments, country and grade as of the date', async () => {
      const { store } = await h();
      const asOf = date('2024-02-20');
      const all = await store.portfolioPositions(asOf, {});
      expect(all.map((b) => [b.buyerId, b.country, b.grade, b.tier])).toEqual([
        ['B1', 'DE', 3, 'low'],
        ['B2', 'FR', undefined, undefined],
      ]);
      for (const b of all) {
        expect(b.items).toEqual(await store.buyerOpenItems(b.buyerId, asOf));
        expect(b.payments).toEqual(await store.unappliedPayments(b.buyerId, asOf));
      }
      expect(all[0]?.payments.map((p) => [p.id, p.unapplied])).toEqual([['P-1', 100n]]);
      expect(all[1]?.items.map((i) => [i.number, i.open])).toEqual([
        ['C-1', -300n],
        ['I-3', 800n],
      ]);
    });

    it('filters by buyer, country and the grade in force', async () => {
      const { store } = await h();
      const ids = async (asOf: string, f: Parameters<typeof store.portfolioPositions>[1]) =>
        (await store.portfolioPositions(date(asOf), f)).map((b) => b.buyerId);
      expect(await ids('2024-03-31', { country: 'DE' })).toEqual(['B1']);
      expect(await ids('2024-03-31', { buyerId: 'B2' })).toEqual(['B2']);
      expect(await ids('2024-03-31', { grade: 6 })).toEqual(['B1']);
      expect(await ids('2024-02-20', { grade: 6 })).toEqual([]);
      expect(await ids('2023-12-31', {})).toEqual([]);
    });

    it('gives the approvals and temporary limits valid by the date, not the requests', async () => {
      const { store } = await h();
      const early = await store.limitEventsUpTo(date('2024-02-01'));
      expect(early.map((e) => [e.buyerId, e.kind, e.amount])).toEqual([['B1', 'approval', 1000n]]);
      expect((await store.limitEventsUpTo(date('2024-03-01'))).map((e) => e.buyerId)).toEqual(['B1', 'B2']);
    });

    it("gives every buyer's latest grade recorded by the date", async () => {
      const { store } = await h();
      expect(await store.latestGrades(date('2023-12-31'))).toEqual([]);
      expect(await store.latestGrades(date('2024-02-20'))).toEqual([{ buyerId: 'B1', grade: 3, tier: 'low' }]);
      expect(await store.latestGrades(date('2024-03-31'))).toEqual([{ buyerId: 'B1', grade: 6, tier: 'medium' }]);
    });

    it('lists every buyer with its aging figures, grade and limit use, filtered, sorted and paged', async () => {
      const { store } = await h();
      const asOf = date('2024-02-20');
      const page = async (q: Partial<Parameters<typeof buyerOverview>[1]>) => {
        const r = await buyerOverview(store, { asOf, reportingCurrency: EUR, country: 'DE', ...q });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value;
      };
      // B1: the 100 on account is set off against I-1 (1,000, 20 days late): 900 overdue and 500 not due.
      const all = await page({ sort: 'total', descending: true });
      expect(all.count).toBe(2);
      expect(all.buyers.map((b) => [b.buyerId, b.total, b.overdue, b.daysOverdue, b.grade, b.limit?.perMille])).toEqual(
        [
          ['B1', 1400n, 900n, 20, 3, 1400],
          ['B3', 0n, 0n, 0, undefined, undefined],
        ],
      );
      // The same figure as the aging's for the buyer.
      const aging = await reportAging(store, { asOf, byBuyer: true });
      if (!aging.ok) throw new Error(JSON.stringify(aging.error));
      expect(aging.value.reports.find((r) => r.buyerId === 'B1')?.total).toBe(1400n);
      expect((await page({ overdue: true })).buyers.map((b) => b.buyerId)).toEqual(['B1']);
      expect((await page({ sort: 'name', descending: true })).buyers.map((b) => b.buyerId)).toEqual(['B3', 'B1']);
      expect((await page({ search: 'gAm' })).buyers.map((b) => b.buyerId)).toEqual(['B3']);
      expect((await page({ tier: 'low' })).buyers.map((b) => b.buyerId)).toEqual(['B1']);
      expect((await page({ bucket: 1 })).buyers.map((b) => [b.buyerId, b.inBucket])).toEqual([['B1', 900n]]);
      const second = await page({ sort: 'name', offset: 1, limit: 1 });
      expect([second.count, second.buyers.map((b) => b.buyerId)]).toEqual([2, ['B3']]);
    });
  });
}
