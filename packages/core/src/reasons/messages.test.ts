import { describe, expect, it } from 'vitest';
import { date } from '../calendar';
import { decideOrder } from '../credit-check/decide';
import { gradeBuyer } from '../grading/grade';
import type { GradingPolicy } from '../grading/policy';
import type { LimitPolicy } from '../limits/policy';
import { recommendLimit } from '../limits/recommend';
import type { CurrencyCode } from '../money/currency';
import {
  checkReasonMessage,
  gradeReasonMessage,
  limitFigureMessage,
  modelReasonMessage,
  noFxRateMessage,
  reviewReasonMessage,
  workReasonMessage,
} from './messages';
import { parseReasonLocale, reasonLocaleOf, renderReason } from './render';

const EUR = 'EUR' as CurrencyCode;
const grading: GradingPolicy = {
  basePd: 0.02,
  financialWeight: 0.6,
  masterScale: [0.001, 0.002, 0.004, 0.008, 0.016, 0.03, 0.06, 0.12, 0.25],
  tiers: { low: 3, medium: 6 },
  behaviour: { perDayBeyondTerms: 0.03, maxDays: 60, perDayWorse: 0.02, overdueDays: 60, overdueLogOdds: 0.8 },
  perCountryClass: 0.15,
  industry: { low: -0.2, medium: 0, high: 0.4 },
  industries: { construction: 'high' },
  bureauPerPoint: 0.02,
  insurer: { pdByGrade: [0.001, 0.002, 0.004, 0.008, 0.016, 0.03, 0.06, 0.12, 0.25, 0.5], weight: 0.5 },
};
const limits: LimitPolicy = {
  netWorthShareBp: [1500, 1200, 1000, 800, 600, 500, 300, 200, 0, 0],
  workingCapitalShareBp: [3000, 2500, 2000, 1500, 1200, 1000, 600, 400, 0, 0],
  negativeWorkingCapitalBp: 5000,
  graceDays: 15,
  headroomBp: 2000,
  withoutFinancialsShareBp: 5000,
  prepaymentFromGrade: 9,
  roundTo: 1000,
};

describe('grade reasons in words', () => {
  const g = gradeBuyer(
    { daysBeyondTerms: { months12: 9, months3: 23 }, oldestOverdueDays: 75, countryClass: 3, industry: 'construction' },
    grading,
  );
  const text = (locale: 'en' | 'zh-CN' | 'zh-TW') => g.reasons.map((r) => renderReason(gradeReasonMessage(r), locale));

  it('says what each step means, with its figures, in English', () => {
    expect(text('en')).toEqual([
      'No financial statements on file: the grade rests on payment behaviour alone, from a base default risk of 2%',
      'Paid on average 9 days late over the last 12 months',
      'Paying slower lately: on average 23 days late over the last 3 months (up from 9 days over 12 months)',
      'An invoice is 75 days overdue (more than 60 days)',
      'Country risk: OECD class 3 of 7',
      'Industry construction counts as high risk',
    ]);
  });

  it('and in simplified and traditional Chinese', () => {
    expect(text('zh-CN')[2]).toBe('近期付款变慢：过去 3 个月平均逾期 23 天（过去 12 个月为 9 天）');
    expect(text('zh-TW')[5]).toBe('產業 construction 屬於高風險');
  });

  it('writes the financial PD as a percentage and the fiscal year without grouping', () => {
    const f = gradeBuyer(
      { financial: { pd: 0.0123, fiscalYear: 2025, missingInputs: 5 }, oldestOverdueDays: 0 },
      grading,
    );
    expect(renderReason(gradeReasonMessage(f.reasons[0] as (typeof f.reasons)[number]), 'en')).toBe(
      'Financial statements of 2025: the model puts the default risk at 1.23% (5 of 64 inputs not reported)',
    );
  });
});

describe('PD model inputs in words', () => {
  it('names the attribute and says whether it raised or lowered the risk', () => {
    expect(renderReason(modelReasonMessage({ feature: 'Attr40', value: 0.04, contribution: 0.84 }), 'en')).toBe(
      'Cash ratio (0.04) raised the default risk',
    );
    expect(renderReason(modelReasonMessage({ feature: 'Attr27', value: 12.345, contribution: -0.3 }), 'zh-CN')).toBe(
      '利息保障倍数（12.3）降低了违约风险',
    );
    expect(renderReason(modelReasonMessage({ feature: 'Attr21', value: Number.NaN, contribution: -0.2 }), 'en')).toBe(
      'Sales growth not reported, which lowered the default risk',
    );
    expect(renderReason(modelReasonMessage({ feature: 'Attr4', value: Number.NaN, contribution: 0.1 }), 'zh-TW')).toBe(
      '流動比率未申報，提高了違約風險',
    );
  });

  it("keeps a custom model's input name when it has no human name", () => {
    expect(renderReason(modelReasonMessage({ feature: 'x7', value: 1234.5, contribution: 1 }), 'en')).toBe(
      'x7 (1,230) raised the default risk',
    );
  });
});

describe('limit figures in words', () => {
  it('writes amounts as money and shares as percentages, never basis points', () => {
    const r = recommendLimit(
      {
        currency: EUR,
        grade: 4,
        monthlySales: 12_000_000n,
        paymentTermsDays: 30,
        equity: 100_000_000n,
        workingCapital: -1n,
      },
      limits,
    );
    expect(r.figures.map((f) => renderReason(limitFigureMessage(f, EUR), 'en'))).toEqual([
      'Expected exposure: monthly sales of EUR 120,000.00 over 45 days of terms and grace, plus 20% headroom: EUR 216,000.00',
      'Net worth cap: 8% of equity for grade 4: EUR 80,000.00',
      'Working capital is negative: the cap is 50% of the net worth figure: EUR 40,000.00',
    ]);
    const p = recommendLimit({ currency: EUR, grade: 9, monthlySales: 1_000_00n, paymentTermsDays: 30 }, limits);
    expect(p.figures.map((f) => renderReason(limitFigureMessage(f, EUR), 'zh-CN')).slice(1)).toEqual([
      '没有财务报表：预期风险敞口的 50%：EUR 900.00',
      '评级 9：评级 9 及以上只接受预付款（不授信）',
    ]);
  });
});

describe('order check reasons in words', () => {
  it('writes the amounts over and within the limit with their currency', () => {
    const exposure = { currency: EUR, openReceivables: 5_000_000n, openOrders: 0n, deliveredNotInvoiced: 0n };
    const policy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };
    const current = { amount: 5_500_000n, currency: EUR, kind: 'approved', since: '2026-01-01', approvedBy: 'ann' };
    const limit = { current, pending: [] } as unknown as Parameters<typeof decideOrder>[0]['limit'];
    const over = decideOrder(
      { order: { amount: 1_000_000n, currency: EUR }, limit, exposure, oldestOverdueDays: 45 },
      policy,
    );
    expect(over.reasons.map((r) => renderReason(checkReasonMessage(r, EUR), 'en'))).toEqual([
      'An invoice is 45 days overdue: orders are referred beyond 30 days',
      'The order takes the exposure EUR 5,000.00 over the limit of EUR 55,000.00',
    ]);
    const within = decideOrder(
      { order: { amount: 100_000n, currency: EUR }, limit, exposure, oldestOverdueDays: 0 },
      policy,
    );
    expect(renderReason(checkReasonMessage(within.reasons[0] as (typeof within.reasons)[number], EUR), 'zh-TW')).toBe(
      '在額度之內：訂單後尚餘 EUR 4,000.00',
    );
  });
});

describe('review reasons and locales', () => {
  it('renders review reasons and reads locale tags', () => {
    const figures = { cadenceDays: 30, lastReview: date('2025-07-01'), lateDaysThisYear: 12.5, lateDaysLastYear: 8 };
    expect(renderReason(reviewReasonMessage('late_two_years', figures), 'en')).toBe(
      'Paid late two years running (on average 12.5 days late in the last 12 months, 8 days in the 12 before): reassess the limit',
    );
    expect(renderReason(reviewReasonMessage('cadence', figures), 'zh-CN')).toBe(
      '定期复核到期：每 30 天复核一次，上次信用决定为 2025-07-01',
    );
    expect(renderReason(reviewReasonMessage('never_reviewed', figures), 'zh-TW')).toBe('尚無信用決定');
    expect(renderReason({ key: 'grade.days_beyond_terms', params: { days: 1 } }, 'en')).toBe(
      'Paid on average 1 day late over the last 12 months',
    );
    expect([reasonLocaleOf('zh-Hant'), reasonLocaleOf('zh'), reasonLocaleOf('de'), reasonLocaleOf(undefined)]).toEqual([
      'zh-TW',
      'zh-CN',
      'en',
      'en',
    ]);
    expect([parseReasonLocale('zh-cn'), parseReasonLocale('fr')]).toEqual(['zh-CN', undefined]);
  });
});

describe('worklist reasons in words', () => {
  it('writes a promise with its amount in money, a dispute with its age in days', () => {
    const promise = {
      code: 'promise_broken',
      params: { promise: 'PRM-0001', amount: '120000', currency: 'EUR' },
    } as const;
    expect(renderReason(workReasonMessage(promise), 'en')).toBe('Promise PRM-0001 of EUR 1,200.00 broken');
    expect(renderReason(workReasonMessage({ ...promise, code: 'promise_due' }), 'zh-CN')).toBe(
      '付款承诺 PRM-0001（EUR 1,200.00）今天到期',
    );
    const dispute = {
      code: 'dispute_open',
      params: { dispute: 'DSP-0001', reason: 'price', documents: 'D-2', days: 21, owner: 'ben' },
    } as const;
    expect(renderReason(workReasonMessage(dispute), 'zh-TW')).toBe(
      '爭議 DSP-0001（price）涉及 D-2，已持續 21 天；負責人 ben',
    );
    expect(renderReason(noFxRateMessage('JPY'), 'en')).toBe('amount in JPY: no FX rate');
  });
});
