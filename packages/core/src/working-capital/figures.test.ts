import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money/currency';
import { decimalQuotient } from '../money/round';
import { parseYearMonth, workingCapitalMonth, type YearMonth } from './figures';

describe('decimalQuotient', () => {
  it('rounds once, half up, with the places asked', () => {
    expect(decimalQuotient(2n, 3n, 2)).toBe('0.67');
    expect(decimalQuotient(1n, 8n, 2)).toBe('0.13');
    expect(decimalQuotient(-1n, 8n, 2)).toBe('-0.13');
    expect(decimalQuotient(5n, 1n, 0)).toBe('5');
    expect(decimalQuotient(1n, 0n, 2)).toBeNull();
    expect(decimalQuotient(1n, 8n, 2, 'down')).toBe('0.12');
  });
});

describe('workingCapitalMonth', () => {
  const big = 2n ** 60n + 1n;
  const f = {
    month: '2024-02' as YearMonth,
    currency: 'EUR' as CurrencyCode,
    cash: big,
    inventory: 0n,
    payables: 3n,
    otherCurrentAssets: 0n,
    otherCurrentLiabilities: 0n,
    sales: 7n,
    costOfSales: 3n,
  };
  it('keeps amounts above 2^53 exact (no float on the way)', () => {
    const m = workingCapitalMonth(f, 0n);
    expect(m.currentAssets).toBe(big);
    expect(m.workingCapital).toBe(big - 3n);
    // (2^60 + 1) / 3 = 384307168202282325.666… → .67: a float would have lost the last digits.
    expect(m.cashRatio).toBe('384307168202282325.67');
    expect(m.days).toBe(29);
  });
  it('has no ratio over a zero base', () => {
    const m = workingCapitalMonth({ ...f, payables: 0n, sales: 0n, costOfSales: 0n }, 5n);
    expect([m.currentRatio, m.dso, m.dio, m.dpo, m.cashConversionCycle]).toEqual([null, null, null, null, null]);
    expect(m.receivablesFrom).toBe('ledger');
    expect(m.receivables).toBe(5n);
  });
  it('reads months', () => {
    expect(parseYearMonth('2026-12').ok).toBe(true);
    expect(parseYearMonth('2026-13').ok).toBe(false);
    expect(parseYearMonth('2026-1').ok).toBe(false);
  });
});
