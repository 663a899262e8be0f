import { addDays, addMonths, type BusinessDate } from '../calendar';

/**
 * Credit review cadence (a credit manager's routine): high-risk buyers are watched continuously; buyers of
 * more than two years who pay on time every 60 days; new or late-paying buyers every 30 days; every buyer at
 * least once a year; and a buyer late in each of the last two years gets its limit reassessed.
 */
export interface ReviewInputs {
  readonly tier?: 'low' | 'medium' | 'high';
  /** The first invoice issued to the buyer (the start of the relationship). */
  readonly firstInvoice?: BusinessDate;
  /** The last credit decision on the buyer (a limit approved, rejected or set). */
  readonly lastReview?: BusinessDate;
  /** Weighted days beyond terms in the last 12 months and in the 12 before; undefined = no settlements. */
  readonly lateDaysThisYear?: number;
  readonly lateDaysLastYear?: number;
  /**
   * The buyer's class in the credit policy (key accounts, docs/domain/credit-policy.md) and its months between
   * periodic reviews: a key account's full review every `reviewMonths` (quarterly) instead of the yearly one.
   */
  readonly accountClass?: { readonly class: 'key' | 'simplified'; readonly reviewMonths: number };
}

/** Every reason a review is due (the source of truth of the reason catalogs, core/reasons). */
export const REVIEW_REASONS = [
  'high_risk',
  'never_reviewed',
  'cadence',
  'annual_review',
  'late_two_years',
  'key_account_review',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface ReviewPlan {
  /** 0 = continuous, else days between reviews. */
  readonly cadenceDays: number;
  readonly cadence: 'continuous' | 'new_or_late' | 'long_standing';
  readonly nextReview: BusinessDate;
  readonly due: boolean;
  readonly reasons: readonly ReviewReason[];
}

/** A year counts as late when its weighted days beyond terms exceed this (a day or two is noise). */
export const LATE_AFTER_DAYS = 5;

export function reviewPlan(x: ReviewInputs, asOf: BusinessDate, lateAfter = LATE_AFTER_DAYS): ReviewPlan {
  const longStanding = x.firstInvoice !== undefined && addMonths(x.firstInvoice, 24) <= asOf;
  const late = (x.lateDaysThisYear ?? 0) > lateAfter;
  const cadence = x.tier === 'high' ? 'continuous' : longStanding && !late ? 'long_standing' : 'new_or_late';
  const cadenceDays = cadence === 'continuous' ? 0 : cadence === 'long_standing' ? 60 : 30;
  const reasons: ReviewReason[] = [];
  if (cadence === 'continuous') reasons.push('high_risk');
  let next: BusinessDate;
  if (x.lastReview === undefined) {
    reasons.push('never_reviewed');
    next = asOf;
  } else {
    next = addDays(x.lastReview, cadenceDays);
    if (cadence !== 'continuous' && next <= asOf) reasons.push('cadence');
    const key = x.accountClass?.class === 'key';
    const periodic = x.accountClass?.reviewMonths ?? 12;
    if (addMonths(x.lastReview, periodic) <= asOf) reasons.push(key ? 'key_account_review' : 'annual_review');
    else if (key && addMonths(x.lastReview, 12) <= asOf) reasons.push('annual_review');
  }
  if ((x.lateDaysThisYear ?? 0) > lateAfter && (x.lateDaysLastYear ?? 0) > lateAfter) reasons.push('late_two_years');
  if (cadence === 'continuous') next = asOf;
  return { cadenceDays, cadence, nextReview: next, due: reasons.length > 0, reasons };
}
