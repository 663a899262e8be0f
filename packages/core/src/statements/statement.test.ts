import { describe, expect, it } from 'vitest';
import { date } from '../calendar';
import type { CurrencyCode } from '../money';
import { type FinancialStatement, workingCapitalOf } from './statement';

const statement = (lines: FinancialStatement['lines']): FinancialStatement => ({
  buyerId: 'B1',
  fiscalYear: 2025,
  periodEnd: date('2025-12-31'),
  currency: 'EUR' as CurrencyCode,
  lines,
});

describe('workingCapitalOf', () => {
  it('is exact beyond 2^53 minor units (no float on the way)', () => {
    const big = 2n ** 60n + 1n;
    expect(workingCapitalOf(statement({ currentAssets: big, shortTermLiabilities: 2n }))).toBe(2n ** 60n - 1n);
  });

  it('is negative when short-term liabilities exceed current assets', () => {
    expect(workingCapitalOf(statement({ currentAssets: 100n, shortTermLiabilities: 250n }))).toBe(-150n);
  });

  it('is undefined when a line is not reported', () => {
    expect(workingCapitalOf(statement({ currentAssets: 100n }))).toBeUndefined();
    expect(workingCapitalOf(statement({ shortTermLiabilities: 100n }))).toBeUndefined();
  });
});
