import type { CurrencyCode } from '../money/currency';
import type { Regime } from './calculate';

/** A regime's fixed compensation for one invoice: an amount in minor units of the invoice's currency. */
export interface FixedCompensation {
  readonly amount: bigint;
  readonly currency: CurrencyCode;
}

/**
 * What a regime gives as fixed compensation (recovery costs) for one invoice, on its original amount, in the
 * invoice's currency — or undefined when it gives nothing in that currency. The EU directive and its French and
 * German transpositions give EUR 40, the UK Act GBP 40, 70 or 100 by the debt's size; neither names a sum in
 * another currency nor a rate to convert at (../shared/guides/late-payment-rules.md), so an invoice in another
 * currency gets none rather than a guessed conversion. Independent of the reference rates.
 */
export function fixedCompensation(
  regime: Regime,
  currency: CurrencyCode,
  invoiceAmount: bigint,
): FixedCompensation | undefined {
  const inOwn = (own: string, major: bigint): FixedCompensation | undefined =>
    currency === own ? { amount: major * 100n, currency } : undefined; // EUR and GBP have 2 decimals
  switch (regime) {
    case 'eu':
    case 'fr':
    case 'de-b2b':
      return inOwn('EUR', 40n);
    case 'uk':
      return inOwn('GBP', invoiceAmount < 100_000n ? 40n : invoiceAmount < 1_000_000n ? 70n : 100n);
    default:
      return undefined;
  }
}

/** The currency a regime's fixed compensation is stated in, if it has one. */
export function compensationCurrency(regime: Regime): 'EUR' | 'GBP' | undefined {
  return regime === 'uk' ? 'GBP' : regime === 'eu' || regime === 'fr' || regime === 'de-b2b' ? 'EUR' : undefined;
}
