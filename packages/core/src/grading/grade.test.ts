import { describe, expect, it } from 'vitest';
import { type GradeInputs, gradeBuyer, gradeOf, tierOf } from './grade';
import { type GradingPolicy, parseGradingPolicy } from './policy';

const policy: GradingPolicy = {
  basePd: 0.02,
  financialWeight: 0.5,
  masterScale: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3],
  tiers: { low: 3, medium: 6 },
  behaviour: { perDayBeyondTerms: 0.03, maxDays: 90, perDayWorse: 0.02, overdueDays: 90, overdueLogOdds: 1 },
  perCountryClass: 0.15,
  bureauPerPoint: 0.02,
  industry: { low: -0.2, medium: 0, high: 0.4 },
  industries: { construction: 'high' },
  insurer: { pdByGrade: [0.0005, 0.001, 0.002, 0.004, 0.008, 0.015, 0.03, 0.06, 0.12, 0.25], weight: 0.5 },
};

describe('gradeOf and tierOf', () => {
  it.each([
    [0.0009, 1],
    [0.001, 2],
    [0.0099, 4],
    [0.01, 5],
    [0.2999, 9],
    [0.3, 10],
    [0.99, 10],
  ])('PD %s is grade %s', (pd, grade) => expect(gradeOf(pd, policy)).toBe(grade));
  it.each([
    [1, 'low'],
    [3, 'low'],
    [4, 'medium'],
    [6, 'medium'],
    [7, 'high'],
    [10, 'high'],
  ] as const)('grade %s is tier %s', (g, tier) => expect(tierOf(g, policy)).toBe(tier));
});

describe('gradeBuyer', () => {
  const known: GradeInputs = {
    financial: { pd: 0.005, fiscalYear: 2024, missingInputs: 0 },
    daysBeyondTerms: { months12: 5 },
    oldestOverdueDays: 0,
    countryClass: 'unclassified',
  };

  it('caps the days beyond terms and ignores early payment', () => {
    const slow = gradeBuyer({ ...known, daysBeyondTerms: { months12: 400 } }, policy);
    expect(slow.reasons.find((r) => r.code === 'days_beyond_terms')?.logOdds).toBeCloseTo(90 * 0.03, 12);
    const early = gradeBuyer({ ...known, daysBeyondTerms: { months12: -3, months3: -5 } }, policy);
    expect(early.reasons.map((r) => r.code)).toEqual(['financial_pd']);
  });

  it('gets worse with each risk signal and better with a good insurer grade', () => {
    const base = gradeBuyer(known, policy).pd;
    expect(gradeBuyer({ ...known, oldestOverdueDays: 91 }, policy).pd).toBeGreaterThan(base);
    expect(gradeBuyer({ ...known, oldestOverdueDays: 90 }, policy).pd).toBe(base);
    expect(gradeBuyer({ ...known, countryClass: 7 }, policy).pd).toBeGreaterThan(base);
    expect(gradeBuyer({ ...known, industry: 'construction' }, policy).pd).toBeGreaterThan(base);
    expect(gradeBuyer({ ...known, insurerGrade: 1 }, policy).pd).toBeLessThan(base);
    expect(gradeBuyer({ ...known, insurerGrade: 10 }, policy).pd).toBeGreaterThan(base);
  });

  it('grades a buyer about whom nothing is known, with low confidence', () => {
    const g = gradeBuyer({ oldestOverdueDays: 0 }, policy);
    expect(g.missing).toEqual(['financials', 'payment history', 'country risk', 'external grade']);
    expect(g.confidence).toBe('low');
    expect(g.pd).toBeCloseTo(0.02, 12);
  });

  it('reads a bureau score around 50: below raises, above lowers, and it counts as an external grade', () => {
    const base = gradeBuyer(known, policy);
    const weak = gradeBuyer({ ...known, bureauScore: 20 }, policy);
    expect(weak.reasons.at(-1)).toEqual({ code: 'bureau_score', params: { score: 20 }, logOdds: 30 * 0.02 });
    expect(weak.pd).toBeGreaterThan(base.pd);
    expect(gradeBuyer({ ...known, bureauScore: 90 }, policy).pd).toBeLessThan(base.pd);
    expect(base.missing).toContain('external grade');
    expect(weak.missing).not.toContain('external grade');
  });

  it('stays a probability for extreme inputs', () => {
    const g = gradeBuyer(
      { ...known, financial: { pd: 1, fiscalYear: 2024, missingInputs: 0 }, countryClass: 7 },
      policy,
    );
    expect(g.pd).toBeLessThan(1);
    expect(g.grade).toBe(10);
  });
});

describe('parseGradingPolicy', () => {
  it('accepts a complete policy', () => {
    expect(parseGradingPolicy(JSON.parse(JSON.stringify(policy)))).toEqual({ ok: true, value: policy });
  });
  it('names every problem', () => {
    const r = parseGradingPolicy({ ...policy, basePd: 2, masterScale: [0.1, 0.05], tiers: { low: 5, medium: 4 } });
    expect(r.ok).toBe(false);
    const why = r.ok ? '' : String(r.error.params.reason);
    expect(why).toContain('basePd');
    expect(why).toContain('masterScale');
    expect(why).toContain('tiers');
    expect(parseGradingPolicy(null).ok).toBe(false);
  });
});
