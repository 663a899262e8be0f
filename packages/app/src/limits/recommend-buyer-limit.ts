import {
  addDays,
  addMonths,
  type BusinessDate,
  type Grade,
  type GradeOverride,
  type LimitPolicy,
  type LimitRecommendation,
  overrideInForce,
  recommendLimit,
  workingCapitalOf,
} from '@credence/core';
import { type GradeContext, gradeBuyerAsOf } from '../grading/grade-buyer-as-of';
import { insuredLimitOn } from '../insurance/insured-limit';
import type { LedgerReads } from '../ports';
import { latestStatements } from '../scoring/score-buyer';

export interface BuyerLimitAdvice {
  /** The computed grade (with its reasons). */
  readonly grade: Grade;
  /** The credit manager's override in force: the recommendation uses its grade. */
  readonly override?: GradeOverride;
  readonly recommendation: LimitRecommendation;
  /**
   * The credit insurance's limit in force for the buyer (in the recommendation's currency only) and the part of
   * the recommended limit above it, which a sale would leave uninsured (docs/domain/credit-insurance.md).
   */
  readonly insured?: {
    readonly policyNumber: string;
    readonly amount: bigint;
    readonly reason: string;
    readonly uninsured: bigint;
  };
}

/**
 * A buyer's recommended limit as of a date, in its own currency: its grade (the override in force, else the
 * computed one), its average monthly sales over the 12 months to the date, and its latest statements (when
 * they are in the same currency).
 */
export async function recommendBuyerLimit(
  store: LedgerReads,
  ctx: GradeContext & { readonly limits: LimitPolicy },
  buyerId: string,
  asOf: BusinessDate,
  /** Expected monthly sales (minor units, buyer currency) instead of the last 12 months', e.g. for a new buyer. */
  expectedMonthlySales?: bigint,
): Promise<BuyerLimitAdvice | undefined> {
  const buyer = await store.getBuyer(buyerId);
  const graded = buyer === undefined ? undefined : await gradeBuyerAsOf(store, ctx, buyerId, asOf);
  if (buyer === undefined || graded === undefined) return undefined;
  const override = overrideInForce(await store.gradeOverridesOf(buyerId), asOf);
  const sales = await store.buyerSales(buyerId, addMonths(addDays(asOf, 1), -12), asOf);
  const yearly = sales.find((s) => s.currency === buyer.currency)?.amount ?? 0n;
  const { latest } = latestStatements(await store.statementsOf(buyerId), asOf);
  const same = latest !== undefined && latest.currency === buyer.currency ? latest : undefined;
  const wc = same === undefined ? undefined : workingCapitalOf(same);
  const recommendation = recommendLimit(
    {
      currency: buyer.currency,
      grade: override?.grade ?? graded.grade.grade,
      monthlySales: expectedMonthlySales ?? (yearly > 0n ? yearly / 12n : 0n),
      paymentTermsDays: buyer.paymentTermsDays,
      ...(same?.lines.equity !== undefined ? { equity: same.lines.equity } : {}),
      ...(wc !== undefined ? { workingCapital: wc } : {}),
    },
    ctx.limits,
  );
  const cover = await insuredLimitOn(store, buyerId, asOf);
  const insured =
    cover !== undefined && cover.currency === recommendation.currency
      ? {
          policyNumber: cover.policyNumber,
          amount: cover.amount,
          reason: cover.reason,
          uninsured: recommendation.amount > cover.amount ? recommendation.amount - cover.amount : 0n,
        }
      : undefined;
  return {
    grade: graded.grade,
    ...(override ? { override } : {}),
    recommendation,
    ...(insured !== undefined ? { insured } : {}),
  };
}
