import {
  addDays,
  addMonths,
  type BusinessDate,
  type Buyer,
  type FinancialStatement,
  type GradeOverrideEvent,
  type LimitPolicy,
  type LimitRecommendation,
  overrideInForce,
  recommendLimit,
  workingCapitalOf,
} from '@credence/core';
import type { GradeContext } from '../grading/grade-buyer-as-of';
import { gradePortfolio } from '../grading/grade-portfolio';
import type { MonitoringReads } from '../monitoring/ports';
import type { LedgerReads } from '../ports';
import { latestStatements } from '../scoring/score-buyer';

/** One buyer's recommended limit as of the date (`recommendBuyerLimit` without the insurance cover). */
export interface PortfolioLimit {
  readonly buyer: Buyer;
  readonly recommendation: LimitRecommendation;
}

/**
 * Every buyer's recommended limit as of a date, each the one `recommendBuyerLimit` recommends (the grade in force:
 * the override, else the computed grade; the average monthly sales of the 12 months to the date; the latest
 * statements in the buyer's currency), read for all buyers at once: the grades (`gradePortfolio`), the sales of
 * every buyer and the statements in a fixed number of queries whatever the number of buyers (the demo's limits,
 * issue 14). The credit insurance's cover is not read: `recommendBuyerLimit` gives it for one buyer.
 */
export async function recommendPortfolioLimits(
  store: Pick<
    LedgerReads,
    'listBuyers' | 'statementsUpTo' | 'portfolioPositions' | 'monitoringFacts' | 'salesByBuyer' | 'gradeOverridesUpTo'
  > &
    Pick<MonitoringReads, 'behaviourWindows'>,
  ctx: GradeContext & { readonly limits: LimitPolicy },
  asOf: BusinessDate,
): Promise<PortfolioLimit[]> {
  const [grades, sales, statements, overrides] = await Promise.all([
    gradePortfolio(store, ctx, asOf),
    store.salesByBuyer(addMonths(addDays(asOf, 1), -12), asOf),
    store.statementsUpTo(asOf),
    store.gradeOverridesUpTo(asOf),
  ]);
  const yearlyOf = new Map(sales.map((s) => [`${s.buyerId}|${s.currency}`, s.amount]));
  const statementsOf = new Map<string, FinancialStatement[]>();
  for (const s of statements) statementsOf.set(s.buyerId, [...(statementsOf.get(s.buyerId) ?? []), s]);
  const overridesOf = new Map<string, GradeOverrideEvent[]>();
  for (const o of overrides) overridesOf.set(o.buyerId, [...(overridesOf.get(o.buyerId) ?? []), o]);
  return grades.map(({ buyer, grade }) => {
    const override = overrideInForce(overridesOf.get(buyer.id) ?? [], asOf);
    const yearly = yearlyOf.get(`${buyer.id}|${buyer.currency}`) ?? 0n;
    const { latest } = latestStatements(statementsOf.get(buyer.id) ?? [], asOf);
    const same = latest !== undefined && latest.currency === buyer.currency ? latest : undefined;
    const wc = same === undefined ? undefined : workingCapitalOf(same);
    const recommendation = recommendLimit(
      {
        currency: buyer.currency,
        grade: override?.grade ?? grade.grade,
        monthlySales: yearly > 0n ? yearly / 12n : 0n,
        paymentTermsDays: buyer.paymentTermsDays,
        ...(same?.lines.equity !== undefined ? { equity: same.lines.equity } : {}),
        ...(wc !== undefined ? { workingCapital: wc } : {}),
      },
      ctx.limits,
    );
    return { buyer, recommendation };
  });
}
