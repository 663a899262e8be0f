import { setLimits } from '@credence/app';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { counting, withBuyers } from './counting';
import { EUR } from './fixtures';
import { targets, useTarget } from './harness';

// A portfolio's limits set at once (the demo's credit step, issue 13): as many statements for 30 buyers as for 3,
// each buyer's limit event and audit entry as `setLimit` would write them.
for (const target of targets()) {
  describe(`setting many limits on ${target.name}`, () => {
    const h = useTarget(target);

    const setFor = async (buyers: number) => {
      const { engine, store, ids } = await withBuyers(h, buyers);
      const c = counting(engine);
      const before = c.count();
      const set = await setLimits(
        storeOn(c.engine, undefined, false),
        ids.map((buyerId, i) => ({
          buyerId,
          amount: BigInt(1000_00 * (i + 1)),
          currency: EUR,
          validFrom: date('2026-03-30'),
          by: 'demo',
          reason: 'recommended',
        })),
        date('2026-03-30'),
      );
      return { statements: c.count() - before, set, store, ids };
    };

    it('writes 30 limits in as many statements as 3, each on its buyer with its audit entry', async () => {
      const small = await setFor(3);
      const large = await setFor(30);
      console.info(`limits: ${small.statements} statements for 3 buyers, ${large.statements} for 30`);
      expect(large.set.ok && large.set.value.map((e) => e.buyerId)).toEqual(large.ids);
      const b7 = await large.store.limitEventsOf('B007');
      expect(b7.map((e) => [e.kind, e.amount, e.validFrom, e.by, e.recordedOn])).toEqual([
        ['approval', 8000_00n, '2026-03-30', 'demo', '2026-03-30'],
      ]);
      const trail = await large.store.auditEntries({ entityKind: 'buyer', entityId: 'B007' });
      expect(trail.map((a) => a.action).filter((a) => a !== 'upsert')).toEqual(['limit_approval']);
      expect(large.statements).toBe(small.statements);
    });

    it('writes nothing when a buyer is unknown', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, undefined, false);
      await store.transact((tx) =>
        tx.upsertBuyers([{ id: 'B1', name: 'B1', country: 'DE', currency: EUR, paymentTermsDays: 30 }]),
      );
      const limit = { amount: 1n, currency: EUR, validFrom: date('2026-03-30'), by: 'demo', reason: 'r' };
      const r = await setLimits(
        store,
        [
          { buyerId: 'B1', ...limit },
          { buyerId: 'NOPE', ...limit },
        ],
        date('2026-03-30'),
      );
      expect(r.ok ? undefined : r.error.code).toBe('not_found');
      expect(await store.limitEventsOf('B1')).toEqual([]);
    });
  });
}
