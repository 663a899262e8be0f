import { importDocuments } from '@credence/app';
import { runAlerts } from '@credence/app/monitoring';
import { date, type Grade } from '@credence/core';
import { parseAlertPolicy } from '@credence/core/monitoring';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { counting, withBuyers } from './counting';
import { EUR, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// `alerts run` reads the portfolio for every buyer at once: the number of statements it issues is the same
// for 4 buyers and for 40 (issue 14 item 4), each buyer firing alerts and having a hold set.

const grade = (g: number, tier: Grade['tier']): Grade => ({
  grade: g,
  pd: 0.01,
  tier,
  confidence: 'low',
  reasons: [],
  missing: [],
});

const policy = (() => {
  const p = parseAlertPolicy({ id: 'count' });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
})();

for (const target of targets()) {
  describe(`alerts run on ${target.name}`, () => {
    const h = useTarget(target);

    const statementsFor = async (buyers: number) => {
      const { engine, store, ids } = await withBuyers(h, buyers);
      const docs = await importDocuments(
        store,
        rowFile(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          ids.map((id) => [`${id}-1`, id, 'invoice', '2026-02-01', '2026-03-01', '1000.00', 'EUR']),
        ),
      );
      expect(docs.ok).toBe(true);
      await store.transact(async (tx) => {
        // The buyers' country worsened from class 3 to 5 within the look-back window: one read for the portfolio.
        await tx.putCountryRiskClasses([
          { country: 'DE', riskClass: 3, validFrom: date('2025-01-01'), source: 'OECD' },
          { country: 'DE', riskClass: 5, validFrom: date('2026-06-01'), source: 'OECD' },
        ]);
        await tx.upsertGrades(ids.map((buyerId) => ({ buyerId, asOf: date('2026-05-31'), grade: grade(3, 'low') })));
        await tx.upsertGrades(ids.map((buyerId) => ({ buyerId, asOf: date('2026-06-30'), grade: grade(6, 'medium') })));
        for (const buyerId of ids)
          await tx.appendLimitEvent({
            buyerId,
            kind: 'approval',
            amount: 500_00n,
            currency: EUR,
            validFrom: date('2026-06-12'),
            by: 'cora',
            reason: 'x',
            recordedOn: date('2026-06-12'),
          });
      });
      const c = counting(engine);
      const before = c.count();
      const run = await runAlerts(storeOn(c.engine, undefined, false), {
        asOf: date('2026-06-30'),
        policy,
        baseCurrency: EUR,
      });
      if (!run.ok) throw new Error(JSON.stringify(run.error));
      return { statements: c.count() - before, opened: run.value.opened, holds: run.value.holdsSet.length };
    };

    it('issues as many statements for 40 buyers as for 4', async () => {
      const small = await statementsFor(4);
      const large = await statementsFor(40);
      // Each buyer: grade worsened, over limit, overdue 121 days, country risk worsened, concentration (4 buyers
      // only); a hold each.
      expect(small.holds).toBe(4);
      expect(large.holds).toBe(40);
      expect(large.opened).toBeGreaterThanOrEqual(160);
      console.info(`alerts run: ${small.statements} statements for 4 buyers, ${large.statements} for 40`);
      expect(large.statements).toBe(small.statements);
      expect(small.statements).toBeGreaterThan(10);
      expect(small.statements).toBeLessThan(40);
    });
  });
}
