import { type BusinessDate, type CurrencyCode, computeRatios, type RatioName, type RatioValue } from '@credence/core';
import type { LedgerReads } from '../ports';
import { latestStatements } from '../scoring/score-buyer';

/** The key figures of a buyer's latest statement known as of a date: every ratio, a number or why there is none. */
export interface BuyerFinancials {
  readonly fiscalYear: number;
  readonly periodEnd: BusinessDate;
  readonly currency: CurrencyCode;
  /** Working capital is in minor units of `currency`. */
  readonly ratios: Readonly<Record<RatioName, RatioValue>>;
}

/** The ratios of the buyer's latest statement ended by `asOf` (growth against the year before); undefined without one. */
export async function buyerFinancials(
  store: Pick<LedgerReads, 'statementsOf'>,
  buyerId: string,
  asOf: BusinessDate,
): Promise<BuyerFinancials | undefined> {
  const { latest, prior } = latestStatements(await store.statementsOf(buyerId), asOf);
  if (latest === undefined) return undefined;
  return {
    fiscalYear: latest.fiscalYear,
    periodEnd: latest.periodEnd,
    currency: latest.currency,
    ratios: computeRatios(latest, prior),
  };
}
