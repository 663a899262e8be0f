import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money';
import { fixedCompensation } from './compensation';

const cur = (c: string) => c as CurrencyCode;

describe('fixedCompensation', () => {
  it.each([
    // EU directive, its French and German transpositions: EUR 40 on a euro invoice.
    ['eu', 'EUR', 250_000n, 4_000n],
    ['fr', 'EUR', 1n, 4_000n],
    ['de-b2b', 'EUR', 10_000_000n, 4_000n],
    // UK: GBP bands on the original amount: under 1,000; 1,000 to 9,999.99; from 10,000.
    ['uk', 'GBP', 99_999n, 4_000n],
    ['uk', 'GBP', 100_000n, 7_000n],
    ['uk', 'GBP', 999_999n, 7_000n],
    ['uk', 'GBP', 1_000_000n, 10_000n],
  ] as const)('%s on %s %s: %s', (regime, currency, amount, want) => {
    expect(fixedCompensation(regime, cur(currency), amount)).toEqual({ amount: want, currency });
  });

  it.each([
    // The statutes give a sum in their own currency only; the rules give no rate to convert it (never invented).
    ['eu', 'USD'],
    ['fr', 'GBP'],
    ['de-b2b', 'CNY'],
    ['uk', 'EUR'],
    ['uk', 'USD'],
    // Regimes without fixed compensation.
    ['de-consumer', 'EUR'],
    ['cn', 'CNY'],
    ['contract', 'EUR'],
  ] as const)('%s on a %s invoice: none', (regime, currency) => {
    expect(fixedCompensation(regime, cur(currency), 500_000n)).toBeUndefined();
  });
});
