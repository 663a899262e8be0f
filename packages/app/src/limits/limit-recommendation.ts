import { type BusinessDate, fail, type LimitPolicy, ok, type Result } from '@credence/core';
import type { GradeContext } from '../grading/grade-buyer-as-of';
import type { LedgerReads } from '../ports';
import { limitAmount } from './limit-amount';
import { type BuyerLimitAdvice, recommendBuyerLimit } from './recommend-buyer-limit';

export interface LimitRecommendationQuery {
  readonly buyerId: string;
  readonly asOf: BusinessDate;
  /** Expected monthly sales, a decimal in the buyer's currency, instead of the last 12 months' (a new buyer). */
  readonly expectedMonthlySales?: string;
}

/**
 * `limit recommend`: the recommended limit with the figures behind it and the grade (`recommendBuyerLimit`).
 * An unknown buyer is not found; expected sales that are not an amount of the buyer's currency are refused.
 */
export async function limitRecommendation(
  store: LedgerReads,
  ctx: GradeContext & { readonly limits: LimitPolicy },
  q: LimitRecommendationQuery,
): Promise<Result<BuyerLimitAdvice>> {
  const buyer = await store.getBuyer(q.buyerId);
  if (buyer === undefined) return fail('not_found', { what: 'buyer', id: q.buyerId });
  let expected: bigint | undefined;
  if (q.expectedMonthlySales !== undefined) {
    const a = limitAmount(q.expectedMonthlySales, buyer.currency);
    if (!a.ok) return a;
    expected = a.value;
  }
  const advice = await recommendBuyerLimit(store, ctx, q.buyerId, q.asOf, expected);
  return advice === undefined ? fail('not_found', { what: 'buyer', id: q.buyerId }) : ok(advice);
}
