import { checkOrderAndNotify, listCheckResults, listLimitRequests } from '@credence/app';
import { type CheckPolicy, date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { BEYOND_DOUBLE, EUR } from './fixtures';
import { targets, useTarget } from './harness';

// The credit desk's reads (issue 13, item 5): the credit check's holds and referrals are kept (migration 030) and
// listed newest first by outcome and date; the limit requests waiting for an answer across buyers, oldest first.
const AT = new Date('2026-06-30T09:00:00Z');
const policy: CheckPolicy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };

for (const target of targets()) {
  describe(`the credit desk's reads on ${target.name}`, () => {
    const h = useTarget(target);

    it('keeps holds and referrals (not approvals) and lists them by outcome and date, a page at a time', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'sam', now: () => AT });
      await store.transact(async (tx) => {
        await tx.upsertBuyers([
          { id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 },
          { id: 'B2', name: 'Birch', country: 'FR', currency: EUR, paymentTermsDays: 30 },
        ]);
        for (const id of ['B1', 'B2'])
          await tx.appendLimitEvent({
            buyerId: id,
            kind: 'approval',
            amount: 100_000n,
            currency: EUR,
            validFrom: date('2026-01-01'),
            by: 'cora',
            reason: 'annual review',
            recordedOn: date('2026-01-01'),
          });
        await tx.appendHold({
          buyerId: 'B2',
          action: 'hold',
          reason: 'cheque bounced',
          by: 'cora',
          recordedOn: date('2026-06-01'),
        });
      });
      const check = (buyerId: string, amount: bigint, asOf: string, orderId?: string) =>
        checkOrderAndNotify(store, policy, {
          buyerId,
          amount,
          currency: EUR,
          asOf: date(asOf),
          ...(orderId !== undefined ? { orderId } : {}),
        });
      expect((await check('B1', 5_000n, '2026-06-10')).ok).toBe(true); // within the limit: approved, not kept
      await check('B1', BEYOND_DOUBLE, '2026-06-10', 'SO-1'); // over the limit: referred
      await check('B2', 1_000n, '2026-06-20', 'SO-2'); // on credit hold
      await check('B1', 200_000n, '2026-06-29');

      const all = await listCheckResults(store, {});
      if (!all.ok) throw new Error(JSON.stringify(all.error));
      expect(all.value.total).toBe(3);
      expect(all.value.results.map((r) => [r.buyerId, r.decision, r.asOf])).toEqual([
        ['B1', 'refer', '2026-06-29'],
        ['B2', 'hold', '2026-06-20'],
        ['B1', 'refer', '2026-06-10'],
      ]);
      const big = all.value.results[2];
      expect(big).toMatchObject({
        orderId: 'SO-1',
        buyerName: 'Acme',
        currency: EUR,
        orderAmount: BEYOND_DOUBLE,
        exposureAfter: BEYOND_DOUBLE,
        limit: 100_000n,
        openReceivables: 0n,
        checkedBy: 'sam',
        checkedAt: AT,
      });
      expect(big?.reasons.map((r) => r.code)).toEqual(['over_limit']);
      const hold = all.value.results[1];
      expect(hold?.reasons[0]).toMatchObject({ code: 'credit_hold', params: { reason: 'cheque bounced' } });

      const holds = await listCheckResults(store, { decision: 'hold' });
      expect(holds.ok && holds.value.results.map((r) => r.orderId)).toEqual(['SO-2']);
      const june = await listCheckResults(store, {
        from: date('2026-06-10'),
        to: date('2026-06-20'),
        limit: 1,
        offset: 1,
      });
      expect(june.ok && [june.value.total, june.value.results.map((r) => r.orderId)]).toEqual([2, ['SO-1']]);
      expect((await listCheckResults(store, { limit: 0 })).ok).toBe(false);
      expect((await listCheckResults(store, { from: date('2026-06-20'), to: date('2026-06-10') })).ok).toBe(false);
      // Append-only, as the other entry tables.
      await expect(sql`update credit_check_results set decision = 'hold'`.execute(engine.db)).rejects.toThrow(
        /append-only/,
      );
    });

    it('lists the limit requests no one has answered, oldest first, with the limit in force and their age', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'sam', now: () => AT });
      const ids = await store.transact(async (tx) => {
        await tx.upsertBuyers([
          { id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 },
          { id: 'B2', name: 'Birch', country: 'FR', currency: EUR, paymentTermsDays: 30 },
        ]);
        const ask = (buyerId: string, amount: bigint, on: string) =>
          tx.appendLimitEvent({
            buyerId,
            kind: 'request',
            amount,
            currency: EUR,
            validFrom: date(on),
            by: 'sam',
            reason: 'more orders',
            recordedOn: date(on),
          });
        const a = await ask('B1', 50_000n, '2026-06-01');
        const b = await ask('B2', BEYOND_DOUBLE, '2026-06-15');
        const c = await ask('B1', 80_000n, '2026-06-20');
        await tx.appendLimitEvent({
          buyerId: 'B1',
          kind: 'approval',
          amount: 40_000n,
          currency: EUR,
          validFrom: date('2026-06-02'),
          by: 'cora',
          reason: 'less for now',
          requestId: a.id,
          recordedOn: date('2026-06-02'),
        });
        return [a.id, b.id, c.id];
      });
      const page = await listLimitRequests(store, date('2026-06-30'));
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      expect(page.value.total).toBe(2);
      expect(page.value.requests.map((r) => [r.request.id, r.buyerName, r.ageDays, r.current?.amount])).toEqual([
        [ids[1], 'Birch', 15, undefined],
        [ids[2], 'Acme', 10, 40_000n],
      ]);
      expect(page.value.requests[0]?.request.amount).toBe(BEYOND_DOUBLE);
      const second = await listLimitRequests(store, date('2026-06-30'), { limit: 1, offset: 1 });
      expect(second.ok && [second.value.total, second.value.requests.map((r) => r.request.id)]).toEqual([2, [ids[2]]]);
    });
  });
}
