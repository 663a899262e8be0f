import {
  answerLimitRequest,
  checkOrder,
  clearGradeOverride,
  countryRiskTable,
  gradeBuyerAsOf,
  importDocuments,
  importExternalGrades,
  importOrders,
  importPayments,
  importStatements,
  overrideGrade,
  recommendBuyerLimit,
  recommendPortfolioLimits,
  requestLimit,
  reviewsDue,
  runGrades,
  setCreditHold,
} from '@credence/app';
import { date, type GbdtModel, type GradingPolicy, type LimitPolicy } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// The credit-assessment use cases on the real stores: the same scenario, the same figures on PGlite and
// PostgreSQL, every input read through the store's SQL.
const file = rowFile;

const grading: GradingPolicy = {
  basePd: 0.02,
  financialWeight: 0.5,
  masterScale: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3],
  tiers: { low: 3, medium: 6 },
  behaviour: { perDayBeyondTerms: 0.03, maxDays: 90, perDayWorse: 0.02, overdueDays: 90, overdueLogOdds: 1 },
  perCountryClass: 0.15,
  bureauPerPoint: 0.02,
  industry: { low: -0.2, medium: 0, high: 0.4 },
  industries: { construction: 'high' },
  insurer: { pdByGrade: [0.0005, 0.001, 0.002, 0.004, 0.008, 0.015, 0.03, 0.06, 0.12, 0.25], weight: 0.5 },
};
const limits: LimitPolicy = {
  netWorthShareBp: [1500, 1200, 1000, 800, 600, 500, 300, 200, 0, 0],
  workingCapitalShareBp: [3000, 2500, 2000, 1500, 1200, 1000, 600, 400, 0, 0],
  negativeWorkingCapitalBp: 5000,
  graceDays: 15,
  headroomBp: 2000,
  withoutFinancialsShareBp: 5000,
  prepaymentFromGrade: 9,
  roundTo: 1000,
};
// A one-split model on the current ratio (Attr4): below 1.5 the log-odds rise by 1.
const model: GbdtModel = {
  format: 'credence-gbdt/1',
  features: ['Attr4'],
  base: -4,
  trees: [
    {
      nodes: [
        { feature: 0, threshold: 1.5, missingLeft: true, left: 1, right: 2, cover: 10 },
        { leaf: 1, cover: 5 },
        { leaf: 0, cover: 5 },
      ],
    },
  ],
  training: {},
};
const countries = countryRiskTable([
  { iso3: 'DEU', classification: '-' },
  { iso3: 'CHN', classification: '2' },
]);
if (!countries.ok) throw new Error('countries');
const ctx = { model, policy: grading, countries: countries.value, limits };
const asOf = date('2024-06-30');

for (const target of targets()) {
  describe(`credit use cases on ${target.name}`, () => {
    const h = useTarget(target);

    it('grades, recommends, approves and checks an order from what the store holds', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) =>
        tx.upsertBuyers([
          { id: 'B1', name: 'Alpha', country: 'CN', currency: EUR, paymentTermsDays: 30, industry: 'Construction' },
        ]),
      );
      const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);
      ok(
        await importDocuments(
          store,
          file(
            'i.csv',
            ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'],
            [
              ['A', 'B1', '2024-01-01', '2024-01-31', '12000', 'EUR'],
              ['B', 'B1', '2024-02-01', '2024-03-02', '6000', 'EUR'],
            ],
          ),
        ),
      );
      ok(
        await importPayments(
          store,
          file(
            'p.csv',
            ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
            [['P1', 'B1', '2024-03-01', '12000', 'EUR', 'A']],
          ),
        ),
      );
      ok(
        await importStatements(
          store,
          file(
            's.csv',
            [
              'buyer_id',
              'fiscal_year',
              'period_end',
              'currency',
              'unit',
              'current_assets',
              'short_term_liabilities',
              'equity',
            ],
            [['B1', '2023', '2023-12-31', 'EUR', '1000', '1200', '1000', '900']],
          ),
        ),
      );
      ok(
        await importExternalGrades(
          store,
          file('x.csv', ['buyer_id', 'date', 'source', 'value'], [['B1', '2024-05-01', 'bureau', '40']]),
        ),
      );
      ok(
        await importOrders(
          store,
          file(
            'o.csv',
            ['order_id', 'buyer_id', 'order_date', 'amount', 'currency', 'status'],
            [['O1', 'B1', '2024-06-01', '3000', 'EUR', 'open']],
          ),
        ),
      );

      const g = await gradeBuyerAsOf(store, ctx, 'B1', asOf);
      // Financial PD: Attr4 = 1.2 → −4 + 1; weighted with the base; + 30 days late × 0.03; + 120 days overdue;
      // + class 2 × 0.15; + construction 0.4; + (50 − 40) × 0.02.
      expect(g?.inputs).toMatchObject({
        daysBeyondTerms: { months12: 30 },
        oldestOverdueDays: 120,
        countryClass: 2,
        industry: 'construction',
        bureauScore: 40,
      });
      const logit = (p: number) => Math.log(p / (1 - p));
      const fin = 1 / (1 + Math.exp(3));
      const z = 0.5 * logit(fin) + 0.5 * logit(0.02) + 0.9 + 1 + 0.3 + 0.4 + 0.2;
      expect(g?.grade.pd).toBeCloseTo(1 / (1 + Math.exp(-z)), 9);
      expect(g?.grade.grade).toBe(10);

      const run = await runGrades(store, ctx, asOf);
      expect(run.byGrade.reduce((a, b) => a + b, 0)).toBe(1);
      expect((await store.gradesOn(asOf))[0]?.grade.grade).toBe(g?.grade.grade);

      const advice = await recommendBuyerLimit(store, ctx, 'B1', asOf);
      expect((await recommendPortfolioLimits(store, ctx, asOf))[0]?.recommendation).toEqual(advice?.recommendation);
      // Sales in the 12 months: 18,000 → 1,500 a month; 45 days → 2,250 + 20 % = 2,700.
      expect(advice?.recommendation.figures[0]).toMatchObject({ method: 'expected_exposure', amount: 270_000n });
      // A credit manager's override to 3 (a guarantee): the recommendation uses it, the computed 10 stays beside it.
      ok(await overrideGrade(store, grading, { buyerId: 'B1', grade: 3, reason: 'bank guarantee', by: 'chief' }, asOf));
      const overridden = await recommendBuyerLimit(store, ctx, 'B1', asOf);
      expect([overridden?.grade.grade, overridden?.override?.grade]).toEqual([10, 3]);
      // The portfolio's limits, read for all buyers at once, recommend what the buyer's own read does.
      const all = await recommendPortfolioLimits(store, ctx, asOf);
      expect(all.map((l) => [l.buyer.id, l.recommendation])).toEqual([['B1', overridden?.recommendation]]);
      expect(overridden?.recommendation.amount).toBeGreaterThan(advice?.recommendation.amount ?? 0n);
      ok(await clearGradeOverride(store, { buyerId: 'B1', reason: 'guarantee expired', by: 'chief' }, asOf));
      expect((await recommendBuyerLimit(store, ctx, 'B1', asOf))?.recommendation).toEqual(advice?.recommendation);

      const req = await requestLimit(
        store,
        { buyerId: 'B1', amount: 1_000_000n, currency: EUR, validFrom: asOf, by: 'sam', reason: 'r' },
        asOf,
      );
      if (!req.ok) throw new Error('request');
      ok(
        await answerLimitRequest(
          store,
          { buyerId: 'B1', requestId: req.value.id, approve: true, by: 'chief', reason: 'ok' },
          asOf,
        ),
      );

      const check = await checkOrder(
        store,
        { holdWhenOverdueDays: 150, referWhenOverdueDays: 100, referFromGrade: 10 },
        {
          buyerId: 'B1',
          amount: 200_000n,
          currency: EUR,
          asOf,
        },
      );
      // Exposure: B 6,000 open + O1 3,000 + 2,000 = 11,000 > 10,000; B is 120 days overdue (refer beyond 100);
      // the recorded grade (PD ≈ 34 %) is 10.
      expect(
        check.ok && [check.value.decision, check.value.exposureAfter, check.value.reasons.map((r) => r.code)],
      ).toEqual(['refer', 1_100_000n, ['overdue_beyond', 'over_limit', 'grade_too_weak']]);
      ok(await setCreditHold(store, { buyerId: 'B1', hold: true, reason: 'r', by: 'chief' }, asOf));
      const held = await checkOrder(
        store,
        { holdWhenOverdueDays: 150, referWhenOverdueDays: 100, referFromGrade: 10 },
        {
          buyerId: 'B1',
          amount: 1n,
          currency: EUR,
          asOf,
        },
      );
      expect(held.ok && held.value.decision).toBe('hold');

      const reviews = await reviewsDue(store, asOf);
      expect(reviews.map((r) => [r.buyerId, r.lastReview])).toEqual([['B1', '2024-06-30']]);
    });
  });
}
