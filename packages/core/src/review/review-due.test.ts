import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import { reviewPlan } from './review-due';

const d = (s: string) => s as BusinessDate;
const asOf = d('2025-06-30');

describe('reviewPlan', () => {
  it('reviews a long-standing buyer that pays on time every 60 days', () => {
    const x = { tier: 'low' as const, firstInvoice: d('2023-06-30'), lateDaysThisYear: 0, lastReview: d('2025-05-01') };
    expect(reviewPlan(x, asOf)).toEqual({
      cadenceDays: 60,
      cadence: 'long_standing',
      nextReview: '2025-06-30',
      due: true,
      reasons: ['cadence'],
    });
    expect(reviewPlan({ ...x, lastReview: d('2025-05-02') }, asOf)).toMatchObject({
      nextReview: '2025-07-01',
      due: false,
    });
  });
  it('reviews a new buyer (under two years), or one that paid late, every 30 days', () => {
    expect(reviewPlan({ firstInvoice: d('2023-07-01'), lastReview: d('2025-06-01') }, asOf)).toMatchObject({
      cadence: 'new_or_late',
      nextReview: '2025-07-01',
      due: false,
    });
    expect(
      reviewPlan({ firstInvoice: d('2020-01-01'), lateDaysThisYear: 6, lastReview: d('2025-05-31') }, asOf),
    ).toMatchObject({
      cadence: 'new_or_late',
      due: true,
      reasons: ['cadence'],
    });
  });
  it('watches high-risk buyers continuously, reviews never-reviewed ones now, and yearly at least', () => {
    expect(reviewPlan({ tier: 'high', lastReview: d('2025-06-29') }, asOf)).toMatchObject({
      cadenceDays: 0,
      nextReview: '2025-06-30',
      reasons: ['high_risk'],
    });
    expect(reviewPlan({}, asOf)).toMatchObject({ due: true, reasons: ['never_reviewed'] });
    expect(reviewPlan({ tier: 'high', lastReview: d('2024-06-30') }, asOf).reasons).toEqual([
      'high_risk',
      'annual_review',
    ]);
  });
  it('does not count a few days late as a late year', () => {
    const x = { firstInvoice: d('2020-01-01'), lastReview: d('2025-06-20'), lateDaysThisYear: 5, lateDaysLastYear: 5 };
    expect(reviewPlan(x, asOf)).toMatchObject({ cadence: 'long_standing', due: false });
  });
  it('asks for a limit reassessment after two late years', () => {
    const r = reviewPlan(
      { firstInvoice: d('2020-01-01'), lastReview: d('2025-06-20'), lateDaysThisYear: 9, lateDaysLastYear: 6 },
      asOf,
    );
    expect(r.reasons).toEqual(['late_two_years']);
    expect(
      reviewPlan(
        { firstInvoice: d('2020-01-01'), lastReview: d('2025-06-20'), lateDaysThisYear: 9, lateDaysLastYear: 5 },
        asOf,
      ).due,
    ).toBe(false);
  });
  it('reviews a key account in full every reviewMonths (quarterly), a simplified one yearly', () => {
    const base = { firstInvoice: d('2020-01-01'), tier: 'high' as const };
    const key = { class: 'key' as const, reviewMonths: 3 };
    expect(reviewPlan({ ...base, lastReview: d('2025-03-30'), accountClass: key }, asOf).reasons).toEqual([
      'high_risk',
      'key_account_review',
    ]);
    expect(reviewPlan({ ...base, lastReview: d('2025-04-01'), accountClass: key }, asOf).reasons).toEqual([
      'high_risk',
    ]);
    const simplified = { class: 'simplified' as const, reviewMonths: 12 };
    expect(reviewPlan({ ...base, lastReview: d('2025-03-30'), accountClass: simplified }, asOf).reasons).toEqual([
      'high_risk',
    ]);
    expect(reviewPlan({ ...base, lastReview: d('2024-06-30'), accountClass: simplified }, asOf).reasons).toEqual([
      'high_risk',
      'annual_review',
    ]);
  });
});
