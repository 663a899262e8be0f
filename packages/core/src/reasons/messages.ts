import type { BusinessDate } from '../calendar';
import type { MatchReason } from '../cash-matching/types';
import type { WorkReason } from '../collections/worklist';
import type { CheckReason } from '../credit-check/decide';
import type { GradeReason } from '../grading/grade';
import type { LimitFigure } from '../limits/recommend';
import type { CurrencyCode } from '../money/currency';
import { money } from '../money/money';
import type { ReviewReason } from '../review/review-due';
import type { ParamValue, ReasonMessage } from './render';
import { REASON_PARAMS, type ReasonKey } from './spec';

/** The parameters a key's sentence uses, taken from a reason's parameters (the others stay in its JSON). */
function pick(key: ReasonKey, params: Readonly<Record<string, ParamValue>>): ReasonMessage {
  const out: Record<string, ParamValue> = {};
  for (const name of Object.keys(REASON_PARAMS[key])) {
    const v = params[name];
    if (v !== undefined) out[name] = v;
  }
  return { key, params: out };
}

const minor = (v: string | number | undefined, currency: CurrencyCode) => money(BigInt(v ?? 0), currency);
const share = (bp: string | number | undefined) => Number(bp ?? 0) / 10_000;

/** A grade step as a message: `days_beyond_terms {days: 23}` → `grade.days_beyond_terms`. */
export const gradeReasonMessage = (r: GradeReason): ReasonMessage => pick(`grade.${r.code}`, r.params);

/** One input of the PD model and what it did (a TreeSHAP contribution in log-odds): raised or lowered the risk. */
export function modelReasonMessage(r: {
  readonly feature: string;
  readonly value: number;
  readonly contribution: number;
}): ReasonMessage {
  const way = r.contribution >= 0 ? 'raised' : 'lowered';
  return Number.isNaN(r.value)
    ? { key: `model.${way}_missing`, params: { attribute: r.feature } }
    : { key: `model.${way}`, params: { attribute: r.feature, value: r.value } };
}

/** A figure of a limit recommendation; shares in basis points become fractions, amounts money. */
export function limitFigureMessage(f: LimitFigure, currency: CurrencyCode): ReasonMessage {
  const amount = money(f.amount, currency);
  const p = f.params;
  switch (f.method) {
    case 'expected_exposure':
      return {
        key: 'limit.expected_exposure',
        params: {
          amount,
          monthlySales: minor(p.monthlySales, currency),
          days: p.days ?? 0,
          headroom: share(p.headroomBp),
        },
      };
    case 'working_capital':
      if (p.negative === 'yes')
        return { key: 'limit.working_capital_negative', params: { amount, share: share(p.shareOfNetWorthBp) } };
      return { key: 'limit.working_capital', params: { amount, share: share(p.shareBp), grade: p.grade ?? 0 } };
    case 'net_worth':
      return { key: 'limit.net_worth', params: { amount, share: share(p.shareBp), grade: p.grade ?? 0 } };
    case 'without_financials':
      return { key: 'limit.without_financials', params: { amount, share: share(p.shareBp) } };
    case 'prepayment':
      return pick('limit.prepayment', p);
  }
}

/** An order-check reason; amounts (minor units in the limit's currency) become money. */
export function checkReasonMessage(r: CheckReason, currency: CurrencyCode): ReasonMessage {
  const p = r.params;
  if (r.code === 'over_limit')
    return { key: 'check.over_limit', params: { by: minor(p.by, currency), limit: minor(p.limit, currency) } };
  if (r.code === 'first_order_cap')
    return { key: 'check.first_order_cap', params: { cap: minor(p.cap, currency), orders: p.orders ?? 0 } };
  if (r.code === 'within_limit')
    return { key: 'check.within_limit', params: { headroom: minor(p.headroom, currency) } };
  if (r.code === 'insurance_uninsured')
    return {
      key: 'check.insurance_uninsured',
      params: { uninsured: minor(p.uninsured, currency), insured: minor(p.insured, currency), policy: p.policy ?? '' },
    };
  return pick(`check.${r.code}`, p);
}

/** What a review reason's sentence shows: the cadence, the last credit decision and the late days of two years. */
export interface ReviewFigures {
  readonly cadenceDays: number;
  /** A key account's months between full reviews (the credit policy). */
  readonly reviewMonths?: number;
  readonly lastReview?: BusinessDate;
  readonly lateDaysThisYear?: number;
  readonly lateDaysLastYear?: number;
}

/** A review reason with the figures of the buyer's review plan. */
export function reviewReasonMessage(r: ReviewReason, f: ReviewFigures): ReasonMessage {
  const last = f.lastReview ?? '-';
  switch (r) {
    case 'cadence':
      return { key: 'review.cadence', params: { days: f.cadenceDays, lastReview: last } };
    case 'annual_review':
      return { key: 'review.annual_review', params: { lastReview: last } };
    case 'key_account_review':
      return { key: 'review.key_account_review', params: { lastReview: last, months: f.reviewMonths ?? 3 } };
    case 'late_two_years':
      return {
        key: 'review.late_two_years',
        params: { thisYear: f.lateDaysThisYear ?? 0, lastYear: f.lateDaysLastYear ?? 0 },
      };
    default:
      return { key: `review.${r}`, params: {} };
  }
}

/** A worklist task's reason; a promise's amount (minor units and currency) becomes money. */
export function workReasonMessage(r: WorkReason): ReasonMessage {
  const p = r.params;
  if (r.code === 'promise_due' || r.code === 'promise_broken')
    return {
      key: `work.${r.code}`,
      params: { promise: p.promise ?? '', amount: minor(p.amount, String(p.currency) as CurrencyCode) },
    };
  if (r.code === 'delivery_unconfirmed')
    return {
      key: 'work.delivery_unconfirmed',
      params: {
        document: p.document ?? '',
        amount: minor(p.amount, String(p.currency) as CurrencyCode),
        deliveredOn: p.deliveredOn ?? '',
      },
    };
  if (r.code === 'guarantee_expiring' || r.code === 'letter_of_credit_expiring')
    return {
      key: `work.${r.code}`,
      params: {
        security: p.security ?? '',
        issuer: p.issuer ?? '',
        amount: minor(p.amount, String(p.currency) as CurrencyCode),
        expiresOn: p.expiresOn ?? '',
        days: p.days ?? 0,
      },
    };
  return pick(`work.${r.code}`, p);
}

/** The note beside a task whose amount no FX rate converts. */
export const noFxRateMessage = (currency: string): ReasonMessage => ({ key: 'work.no_fx_rate', params: { currency } });

/** Why a bank line was matched (or not), as a message: `amount_exact {amount}` → `cash.amount_exact`. */
export const matchReasonMessage = (r: MatchReason): ReasonMessage => pick(`cash.${r.code}`, r.params);

/** The worklist's next step from the payer pattern (`payerNextStep`), as a message. */
export const nextStepMessage = (s: import('../credit-policy/next-step').WorkNextStep): ReasonMessage =>
  pick(`next.${s.code}`, s.params);
