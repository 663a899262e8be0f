import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money';
import { type LimitPolicy, parseLimitPolicy } from './policy';
import { recommendLimit, roundDownLimit, shareOf } from './recommend';

const EUR = 'EUR' as CurrencyCode;
const JPY = 'JPY' as CurrencyCode;
const policy: LimitPolicy = {
  netWorthShareBp: [1500, 1200, 1000, 800, 600, 500, 300, 200, 0, 0],
  workingCapitalShareBp: [3000, 2500, 2000, 1500, 1200, 1000, 600, 400, 0, 0],
  negativeWorkingCapitalBp: 5000,
  graceDays: 15,
  headroomBp: 2000,
  withoutFinancialsShareBp: 5000,
  prepaymentFromGrade: 9,
  roundTo: 1000,
};

describe('shareOf and roundDownLimit', () => {
  it('takes basis-point shares rounded down, and rounds limits down to the step in major units', () => {
    expect(shareOf(999n, 1000)).toBe(99n);
    expect(roundDownLimit(5_299_999n, EUR, 1000)).toBe(5_200_000n);
    expect(roundDownLimit(1_234_567n, JPY, 1000)).toBe(1_234_000n);
    expect(roundDownLimit(-5n, EUR, 1000)).toBe(0n);
  });
});

describe('recommendLimit', () => {
  const base = { currency: EUR, grade: 4, monthlySales: 12_000_000n, paymentTermsDays: 30 };
  it('gives nothing on negative equity, and half the net-worth figure on negative working capital', () => {
    const r = recommendLimit({ ...base, equity: -1n, workingCapital: 10_000_000_00n }, policy);
    expect([r.amount, r.decidedBy]).toEqual([0n, 'net_worth']);
    // Grade 4: 8 % of 1,000,000.00 = 80,000.00, halved = 40,000.00; the need is 216,000.00.
    const w = recommendLimit({ ...base, equity: 100_000_000n, workingCapital: -1n }, policy);
    expect([w.amount, w.decidedBy]).toEqual([4_000_000n, 'working_capital']);
    expect(w.figures.find((f) => f.method === 'working_capital')?.params).toEqual({
      negative: 'yes',
      shareOfNetWorthBp: 5000,
    });
  });
  it('never recommends more than the need, nor more for a worse grade', () => {
    const rich = { ...base, equity: 10n ** 12n, workingCapital: 10n ** 12n };
    const amounts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((grade) => recommendLimit({ ...rich, grade }, policy).amount);
    for (let i = 1; i < amounts.length; i++) expect(amounts[i]).toBeLessThanOrEqual(amounts[i - 1] as bigint);
    const modest = { ...base, equity: 100_000_000n, workingCapital: 50_000_000n };
    const grades = [1, 2, 3, 4, 5, 6, 7, 8].map((grade) => recommendLimit({ ...modest, grade }, policy).amount);
    for (let i = 1; i < grades.length; i++) expect(grades[i]).toBeLessThanOrEqual(grades[i - 1] as bigint);
    expect(recommendLimit({ ...rich, grade: 1 }, policy).decidedBy).toBe('expected_exposure');
  });
  it('checks the policy file', () => {
    expect(parseLimitPolicy(policy)).toEqual({ ok: true, value: policy });
    const bad = parseLimitPolicy({ ...policy, netWorthShareBp: [1], roundTo: 0 });
    expect(bad.ok ? '' : String(bad.error.params.reason)).toMatch(/netWorthShareBp.*roundTo/);
  });
});
