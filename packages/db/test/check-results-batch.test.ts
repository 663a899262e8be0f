import type { CheckResultDraft } from '@credence/app';
import { date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { batcher } from '../src/batcher';
import type { NamedQuery } from '../src/engine/types';
import { type CheckResultToKeep, creditCheckResults, keepCheckResults } from '../src/repos/check-results';
import { BEYOND_DOUBLE, EUR } from './fixtures';
import { targets, useTarget } from './harness';

// Holds and referrals kept outside a transaction (issue 12): the results of concurrent checks in one statement,
// their webhook events and deliveries with them while a subscription takes the type — the probe of the
// subscriptions folded into the statement — and nothing of a batch written when one of its rows cannot be.
const AT = new Date('2026-06-30T09:00:00Z');
const today = date('2026-06-30');

const draft = (
  buyerId: string,
  decision: 'hold' | 'refer',
  orderAmount: bigint,
  more: Partial<CheckResultDraft> = {},
) =>
  ({
    buyerId,
    asOf: today,
    decision,
    currency: EUR,
    orderAmount,
    openReceivables: 1_000n,
    openOrders: 200n,
    deliveredNotInvoiced: 30n,
    exposureAfter: 1_230n + orderAmount,
    reasons: [{ code: decision === 'hold' ? 'credit_hold' : 'no_limit', params: {} }],
    ...more,
  }) as CheckResultDraft;

const event = (type: 'credit_check.hold' | 'credit_check.refer', buyerId: string, dedupKey?: string) => ({
  type,
  payload: { buyerId, decision: type.slice('credit_check.'.length) },
  ...(dedupKey !== undefined ? { dedupKey } : {}),
});

const keep = (result: CheckResultDraft, e?: ReturnType<typeof event>, by = 'erp'): CheckResultToKeep => ({
  result,
  ...(e !== undefined ? { event: e } : {}),
  by: { recordedBy: by, recordedAt: AT },
});

for (const target of targets()) {
  describe(`check results kept in one statement on ${target.name}`, () => {
    const h = useTarget(target);

    const subscribe = async () => {
      await h().store.transact(async (tx) => {
        await tx.insertWebhook({ id: 'S1', url: 'http://127.0.0.1:9/a', events: ['credit_check.hold'], secret: 's' });
        await tx.insertWebhook({
          id: 'S2',
          url: 'http://127.0.0.1:9/b',
          events: ['credit_check.hold', 'limit.set'],
          secret: 's',
        });
        await tx.insertWebhook({
          id: 'S3',
          url: 'http://127.0.0.1:9/c',
          events: ['credit_check.hold', 'credit_check.refer'],
          secret: 's',
        });
        await tx.deactivateWebhook('S3');
      });
    };

    it('writes every row in order, and events with deliveries only where an active subscription takes them', async () => {
      await h().reset();
      await subscribe();
      const { db } = h().engine;
      await keepCheckResults(db, [
        keep(draft('B1', 'hold', 500n, { orderId: 'SO-1', limit: 2_000n }), event('credit_check.hold', 'B1'), 'ann'),
        // Referrals: only the removed S3 took them — no event.
        keep(draft('B2', 'refer', BEYOND_DOUBLE), event('credit_check.refer', 'B2')),
        keep(draft('B3', 'hold', 7n), event('credit_check.hold', 'B3', 'same')),
        // The same dedup key: one event.
        keep(draft('B4', 'hold', 8n), event('credit_check.hold', 'B4', 'same')),
        keep(draft('B5', 'refer', 9n)),
      ]);
      const { results, total } = await creditCheckResults(db, { limit: 10, offset: 0 });
      expect(total).toBe(5);
      expect(results.map((r) => r.buyerId)).toEqual(['B5', 'B4', 'B3', 'B2', 'B1']);
      const [b1] = results.slice(-1);
      expect(b1).toEqual({
        id: b1?.id,
        ...draft('B1', 'hold', 500n, { orderId: 'SO-1', limit: 2_000n }),
        checkedBy: 'ann',
        checkedAt: AT,
      });
      expect(results[3]?.orderAmount).toBe(BEYOND_DOUBLE);
      expect(results[3]?.limit).toBeUndefined();
      expect(results[3]?.orderId).toBeUndefined();
      const events = await sql<{ id: string; type: string; payload: { buyerId: string }; occurred_at: Date | string }>`
        select id, type, payload, occurred_at from webhook_events order by payload->>'buyerId'`.execute(db);
      expect(events.rows.map((e) => [e.type, e.payload.buyerId])).toEqual([
        ['credit_check.hold', 'B1'],
        ['credit_check.hold', 'B3'],
      ]);
      expect(new Date(events.rows[0]?.occurred_at ?? 0)).toEqual(AT);
      const deliveries = await sql<{ id: string; subscription_id: string; event_id: string; status: string }>`
        select id, subscription_id, event_id, status from webhook_deliveries order by id`.execute(db);
      expect(deliveries.rows.map((d) => [d.event_id, d.subscription_id, d.status]).sort()).toEqual(
        events.rows
          .flatMap((e) => [
            [e.id, 'S1', 'pending'],
            [e.id, 'S2', 'pending'],
          ])
          .sort(),
      );
      expect(deliveries.rows.every((d) => d.id === `${d.event_id}.${d.subscription_id}`)).toBe(true);
    });

    it('writes the results of concurrent checks together, and a batch that fails fails every caller', async () => {
      await h().reset();
      await subscribe();
      const { db } = h().engine;
      let statements = 0;
      const counted: NamedQuery = (_name, query) => {
        statements++;
        return db.executeQuery(query).then((r) => r.rows);
      };
      const kept = batcher<CheckResultToKeep, void>(
        async (rows) => {
          await keepCheckResults(db, rows, counted);
          return [];
        },
        { inFlight: 1, maxBatch: 64 },
      );
      const buyers = Array.from({ length: 11 }, (_, i) => `B${i + 1}`);
      await Promise.all(buyers.map((b) => kept(keep(draft(b, 'hold', 1n), event('credit_check.hold', b)))));
      // One alone, then the ten that arrived while it ran.
      expect(statements).toBe(2);
      const { results } = await creditCheckResults(db, { limit: 20, offset: 0 });
      expect(results.map((r) => r.buyerId).sort()).toEqual([...buyers].sort());
      const count = async (table: 'webhook_events' | 'webhook_deliveries') =>
        Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n);
      expect(await count('webhook_events')).toBe(11);
      expect(await count('webhook_deliveries')).toBe(22);
      // A batch with a row the table refuses (an approval is never kept) is written not at all, and every one of
      // its callers is told.
      const bad = { ...draft('X', 'hold', 1n), decision: 'approve' } as unknown as CheckResultDraft;
      const outcomes = await Promise.allSettled([
        kept(keep(draft('C1', 'hold', 1n), event('credit_check.hold', 'C1'))),
        kept(keep(draft('C2', 'hold', 1n), event('credit_check.hold', 'C2'))),
        kept(keep(bad, event('credit_check.hold', 'X'))),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
      expect((await creditCheckResults(db, { limit: 20, offset: 0 })).total).toBe(12);
      expect(await count('webhook_events')).toBe(12);
    });
  });
}
