import { MATCH_REASON_CODES, type MatchReasonCode } from '../cash-matching/types';
import { WORK_REASON_CODES, type WorkReasonCode } from '../collections/worklist';
import { CHECK_REASON_CODES, type CheckReasonCode } from '../credit-check/decide';
import { GRADE_REASON_CODES, type GradeReasonCode } from '../grading/grade';
import { LIMIT_METHODS, type LimitMethod } from '../limits/recommend';
import { REVIEW_REASONS, type ReviewReason } from '../review/review-due';

/**
 * How a placeholder's value is written: `days` (a count of days), `percent` (a fraction, 0.034 → 3.4 %),
 * `money` (a `Money`), `number` (a ratio, three significant digits), `integer`, `year` (no grouping),
 * `date` (a business date), `text` (as given), `level` (low / medium / high, in words) and `attribute`
 * (a model input such as `Attr27`, by its human name).
 */
export type ParamKind =
  | 'days'
  | 'percent'
  | 'money'
  | 'number'
  | 'integer'
  | 'year'
  | 'date'
  | 'text'
  | 'level'
  /** A dunning ladder's level id, named in the locale (`dunningLevels`; an id it does not know as is). */
  | 'dunningLevel'
  /** A dunning channel, named in the locale (`channels`). */
  | 'channel'
  | 'attribute'
  /** A credit insurance deadline's kind (`mep`, `notify_overdue`, …), named in the locale (`insuranceDeadlines`). */
  | 'insuranceDeadline'
  /** The signals of a payer pattern, comma-separated codes, each named in the locale (`payerSignals`), listed. */
  | 'payerSignals';

/** The sentences that explain a PD model's input: it raised or lowered the risk, with or without a value. */
export const MODEL_REASON_CODES = ['raised', 'lowered', 'raised_missing', 'lowered_missing'] as const;
export type ModelReasonCode = (typeof MODEL_REASON_CODES)[number];

/** Limit figures by method, and the working-capital cap when working capital is negative. */
export type LimitReasonCode = LimitMethod | 'working_capital_negative';

/** Every message key a catalog must hold: one per reason code of each source, prefixed by its area. */
export type ReasonKey =
  | `grade.${GradeReasonCode}`
  | `model.${ModelReasonCode}`
  | `limit.${LimitReasonCode}`
  | `check.${CheckReasonCode}`
  | `review.${ReviewReason}`
  | `work.${WorkReasonCode | 'no_fx_rate'}`
  | `cash.${MatchReasonCode}`
  | `next.${NextStepCode}`;

/** The worklist's next steps from the payer pattern (`payerNextStep`). */
export const NEXT_STEP_CODES = ['payment_plan', 'escalate', 'call'] as const;
export type NextStepCode = (typeof NEXT_STEP_CODES)[number];

type Spec = Readonly<Record<string, ParamKind>>;

const GRADE: Readonly<Record<GradeReasonCode, Spec>> = {
  financial_pd: { pd: 'percent', fiscalYear: 'year', missingInputs: 'integer' },
  no_financials: { basePd: 'percent' },
  days_beyond_terms: { days: 'days' },
  paying_slower: { months3: 'days', months12: 'days' },
  long_overdue: { days: 'days', limit: 'days' },
  no_payment_history: {},
  country_risk: { oecdClass: 'integer' },
  unknown_country: {},
  industry_risk: { industry: 'text', level: 'level' },
  insurer_grade: { grade: 'integer' },
  bureau_score: { score: 'number' },
};

const MODEL: Readonly<Record<ModelReasonCode, Spec>> = {
  raised: { attribute: 'attribute', value: 'number' },
  lowered: { attribute: 'attribute', value: 'number' },
  raised_missing: { attribute: 'attribute' },
  lowered_missing: { attribute: 'attribute' },
};

const LIMIT: Readonly<Record<LimitReasonCode, Spec>> = {
  expected_exposure: { amount: 'money', monthlySales: 'money', days: 'days', headroom: 'percent' },
  net_worth: { amount: 'money', share: 'percent', grade: 'integer' },
  working_capital: { amount: 'money', share: 'percent', grade: 'integer' },
  working_capital_negative: { amount: 'money', share: 'percent' },
  without_financials: { amount: 'money', share: 'percent' },
  prepayment: { grade: 'integer', fromGrade: 'integer' },
};

const CHECK: Readonly<Record<CheckReasonCode, Spec>> = {
  credit_hold: { since: 'date', by: 'text', reason: 'text' },
  overdue_beyond_hold: { days: 'days', limit: 'days' },
  overdue_beyond: { days: 'days', limit: 'days' },
  no_limit: {},
  limit_expired: { expiredOn: 'date' },
  over_limit: { by: 'money', limit: 'money' },
  grade_too_weak: { grade: 'integer', from: 'integer' },
  terms_beyond_tier: { days: 'days', maxDays: 'days', tier: 'level' },
  first_order_cap: { cap: 'money', orders: 'integer' },
  within_limit: { headroom: 'money' },
  insurance_mep_passed: { mep: 'date', policy: 'text' },
  insurance_uninsured: { uninsured: 'money', insured: 'money', policy: 'text' },
};

const REVIEW: Readonly<Record<ReviewReason, Spec>> = {
  high_risk: {},
  never_reviewed: {},
  cadence: { days: 'days', lastReview: 'date' },
  annual_review: { lastReview: 'date' },
  late_two_years: { thisYear: 'days', lastYear: 'days' },
  key_account_review: { lastReview: 'date', months: 'integer' },
};

const WORK: Readonly<Record<WorkReasonCode | 'no_fx_rate', Spec>> = {
  letter: { level: 'dunningLevel', channel: 'channel', documents: 'text', letter: 'text' },
  letter_unmailed: { level: 'dunningLevel', channel: 'channel', documents: 'text', letter: 'text' },
  delivery_failed: { kind: 'text', letter: 'text', recipient: 'text' },
  delivery_no_address: { kind: 'text', letter: 'text' },
  promise_due: { promise: 'text', amount: 'money' },
  promise_broken: { promise: 'text', amount: 'money' },
  dispute_open: { dispute: 'text', reason: 'text', documents: 'text', days: 'days', owner: 'text' },
  delivery_unconfirmed: { document: 'text', amount: 'money', deliveredOn: 'date' },
  insurance_deadline: { deadline: 'insuranceDeadline', date: 'date', policy: 'text', documents: 'text' },
  guarantee_expiring: { security: 'text', issuer: 'text', amount: 'money', expiresOn: 'date', days: 'days' },
  letter_of_credit_expiring: { security: 'text', issuer: 'text', amount: 'money', expiresOn: 'date', days: 'days' },
  alert_review: { rule: 'text', since: 'date' },
  no_fx_rate: { currency: 'text' },
};

/** Why a bank line was matched (or not): docs/domain/cash-application.md. */
const CASH: Readonly<Record<MatchReasonCode, Spec>> = {
  rf_reference: { reference: 'text' },
  credence_reference: { reference: 'text' },
  end_to_end_id: { reference: 'text' },
  document_in_text: { document: 'text' },
  iban_known: { iban: 'text', buyer: 'text' },
  iban_shared: { iban: 'text', buyers: 'text' },
  name_match: { name: 'text', buyer: 'text', score: 'percent' },
  name_tie: { name: 'text', buyers: 'text', score: 'percent' },
  name_below_cutoff: { name: 'text', cutoff: 'percent' },
  payer_conflict: { payer: 'text' },
  amount_exact: { amount: 'money' },
  amount_within_tolerance: { difference: 'money' },
  amount_skonto: { discount: 'money', rate: 'percent' },
  amount_combination: { count: 'integer' },
  amount_ambiguous: { count: 'integer' },
  partial_payment: { amount: 'money' },
  over_payment: { onAccount: 'money' },
  no_open_item_fits: { amount: 'money' },
  amount_only: { amount: 'money' },
  payer_unknown: {},
  other_proposal_close: { buyer: 'text' },
  debit_not_payment: {},
  reversal_of: { payment: 'text', reference: 'text' },
  reversal_unmatched: {},
};

const NEXT: Readonly<Record<NextStepCode, Spec>> = {
  payment_plan: { why: 'payerSignals' },
  escalate: { why: 'payerSignals', level: 'dunningLevel', channel: 'channel', days: 'days' },
  call: { why: 'payerSignals' },
};

const prefixed = <C extends string>(area: string, codes: readonly C[], spec: Readonly<Record<C, Spec>>) =>
  codes.map((c) => [`${area}.${c}`, spec[c]] as const);

/**
 * The placeholders of every message, by key, built from each area's list of codes (grading, the PD model,
 * limits, the order check, reviews, the collector's worklist): a catalog must hold each key with exactly these placeholders.
 */
export const REASON_PARAMS: Readonly<Record<ReasonKey, Spec>> = Object.fromEntries([
  ...prefixed('grade', GRADE_REASON_CODES, GRADE),
  ...prefixed('model', MODEL_REASON_CODES, MODEL),
  ...prefixed('limit', [...LIMIT_METHODS, 'working_capital_negative'] as const, LIMIT),
  ...prefixed('check', CHECK_REASON_CODES, CHECK),
  ...prefixed('review', REVIEW_REASONS, REVIEW),
  ...prefixed('work', [...WORK_REASON_CODES, 'no_fx_rate'] as const, WORK),
  ...prefixed('cash', MATCH_REASON_CODES, CASH),
  ...prefixed('next', NEXT_STEP_CODES, NEXT),
]) as Record<ReasonKey, Spec>;
