import { type InterestCase, type InterestResult, lateInterest, type RateTables, type Result } from '@credence/core';

/**
 * `interest calc`: statutory late-payment interest and fixed compensation on one invoice paid late, under a
 * regime, with the reference-rate tables given (docs/domain/late-interest.md). Amounts in minor units.
 */
export function calculateInterest(c: InterestCase, rates: RateTables): Result<InterestResult> {
  return lateInterest(c, rates);
}
