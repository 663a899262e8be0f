import { type CreditPolicy, parseCreditPolicy } from '../credit-policy/policy';
import type { LimitState } from '../limits/limit-events';
import type { CurrencyCode } from '../money';
import { fail, ok, type Result } from '../result';

/** When an order is held (stop shipping) or referred to a credit manager (docs/domain/credit-check.md). */
export interface CheckPolicy {
  /** Hold when an invoice is overdue by more than this many days (the policy credit hold, 暂停供货). */
  readonly holdWhenOverdueDays: number;
  /** Refer when an invoice is overdue by more than this many days. */
  readonly referWhenOverdueDays: number;
  /** Refer from this grade on (the grade recorded last by `grade run`). */
  readonly referFromGrade: number;
  /** The credit policy (key accounts, terms by tier, new buyers, securities): docs/domain/credit-policy.md. */
  readonly credit?: CreditPolicy;
}

/** The buyer's exposure before the order, in the limit's currency (minor units), by part. */
export interface Exposure {
  readonly currency: CurrencyCode;
  readonly openReceivables: bigint;
  readonly openOrders: bigint;
  readonly deliveredNotInvoiced: bigint;
}

export interface CheckInputs {
  readonly order: { readonly amount: bigint; readonly currency: CurrencyCode };
  readonly limit: LimitState;
  /** Exposure in the limit's currency (or the order's currency when there is no limit). */
  readonly exposure: Exposure;
  readonly oldestOverdueDays: number;
  /** A manual credit hold in force, with its reason. */
  readonly hold?: { readonly reason: string; readonly since: string; readonly by: string };
  readonly grade?: number;
  /** The buyer's risk tier (with the grade): the terms it allows (`credit.termsByTier`). */
  readonly tier?: 'low' | 'medium' | 'high';
  /** The order's payment terms in days, when the ERP says: longer than the tier allows is referred. */
  readonly termsDays?: number;
  /** Securities in force (guarantees, letters of credit) in the limit's currency: they reduce the exposure counted. */
  readonly secured?: bigint;
  /** A new buyer on probation and the first-order cap in the limit's currency: a larger order is held. */
  readonly probation?: { readonly cap: bigint; readonly orders: number };
  /**
   * The credit insurance's view (issue 15): the buyer past its MEP (deliveries on insured terms stop: hold), and
   * the part of the order above the insured limit (reported, in the check's currency, without changing the decision).
   */
  readonly insurance?: {
    readonly policy: string;
    readonly mepPassed?: { readonly mep: string };
    readonly insured?: bigint;
    readonly uninsured?: bigint;
  };
}

/** Every order-check reason code (the source of truth of the reason catalogs, core/reasons). */
export const CHECK_REASON_CODES = [
  'credit_hold',
  'overdue_beyond_hold',
  'overdue_beyond',
  'no_limit',
  'limit_expired',
  'over_limit',
  'grade_too_weak',
  'terms_beyond_tier',
  'first_order_cap',
  'within_limit',
  'insurance_mep_passed',
  'insurance_uninsured',
] as const;
export type CheckReasonCode = (typeof CHECK_REASON_CODES)[number];

export interface CheckReason {
  readonly code: CheckReasonCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface CheckDecision {
  readonly decision: 'approve' | 'hold' | 'refer';
  readonly reasons: readonly CheckReason[];
  /** Exposure including the order, less what securities cover, in the limit's currency. */
  readonly exposureAfter: bigint;
  /** What the securities in force took off the exposure (at most the exposure itself). */
  readonly secured: bigint;
  readonly limit?: bigint;
  readonly currency: CurrencyCode;
}

/**
 * Decides an order: **hold** (do not ship) on a manual credit hold, an invoice overdue beyond the hold
 * threshold or a new buyer's order above the first-order cap (`credit.newBuyers`); **refer** to a credit manager when there is no limit, it expired, the exposure with the order
 * exceeds it, the grade is too weak or an invoice is overdue beyond the refer threshold; else **approve**.
 * Every reason found is listed, not only the first. Amounts are the caller's, already in the limit's currency.
 */
export function decideOrder(x: CheckInputs, policy: CheckPolicy): CheckDecision {
  const reasons: CheckReason[] = [];
  const e = x.exposure;
  const gross = e.openReceivables + e.openOrders + e.deliveredNotInvoiced + x.order.amount;
  // A security covers exposure, never more than there is: it does not make room beyond the limit by itself.
  const available = x.secured !== undefined && x.secured > 0n ? x.secured : 0n;
  const secured = gross <= 0n ? 0n : available < gross ? available : gross;
  const after = gross - secured;
  if (x.hold)
    reasons.push({ code: 'credit_hold', params: { reason: x.hold.reason, since: x.hold.since, by: x.hold.by } });
  if (x.oldestOverdueDays > policy.holdWhenOverdueDays)
    reasons.push({
      code: 'overdue_beyond_hold',
      params: { days: x.oldestOverdueDays, limit: policy.holdWhenOverdueDays },
    });
  else if (x.oldestOverdueDays > policy.referWhenOverdueDays)
    reasons.push({ code: 'overdue_beyond', params: { days: x.oldestOverdueDays, limit: policy.referWhenOverdueDays } });
  const current = x.limit.current;
  if (current === undefined) {
    if (x.limit.expired) reasons.push({ code: 'limit_expired', params: { expiredOn: x.limit.expired.expiredOn } });
    else reasons.push({ code: 'no_limit', params: {} });
  } else if (after > current.amount)
    reasons.push({
      code: 'over_limit',
      params: { by: (after - current.amount).toString(), limit: current.amount.toString() },
    });
  if (x.insurance?.mepPassed !== undefined)
    reasons.push({
      code: 'insurance_mep_passed',
      params: { mep: x.insurance.mepPassed.mep, policy: x.insurance.policy },
    });
  if (x.grade !== undefined && x.grade >= policy.referFromGrade)
    reasons.push({ code: 'grade_too_weak', params: { grade: x.grade, from: policy.referFromGrade } });
  const terms = x.tier !== undefined ? policy.credit?.termsByTier?.[x.tier] : undefined;
  if (terms !== undefined && x.termsDays !== undefined && x.termsDays > terms.maxDays)
    reasons.push({
      code: 'terms_beyond_tier',
      params: { days: x.termsDays, maxDays: terms.maxDays, tier: x.tier ?? '' },
    });
  if (x.probation !== undefined && x.order.amount > x.probation.cap)
    reasons.push({
      code: 'first_order_cap',
      params: { cap: x.probation.cap.toString(), orders: x.probation.orders },
    });
  const held = reasons.some(
    (r) =>
      r.code === 'credit_hold' ||
      r.code === 'overdue_beyond_hold' ||
      r.code === 'first_order_cap' ||
      r.code === 'insurance_mep_passed',
  );
  const decision = held ? 'hold' : reasons.length > 0 ? 'refer' : 'approve';
  if (decision === 'approve' && current)
    reasons.push({ code: 'within_limit', params: { headroom: (current.amount - after).toString() } });
  const ins = x.insurance;
  if (ins?.uninsured !== undefined && ins.uninsured > 0n)
    reasons.push({
      code: 'insurance_uninsured',
      params: { uninsured: ins.uninsured.toString(), insured: (ins.insured ?? 0n).toString(), policy: ins.policy },
    });
  return {
    decision,
    reasons,
    exposureAfter: after,
    secured,
    ...(current ? { limit: current.amount } : {}),
    currency: e.currency,
  };
}

export function parseCheckPolicy(json: unknown): Result<CheckPolicy> {
  const p = json as Partial<CheckPolicy> | null;
  const whole = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  if (
    typeof p !== 'object' ||
    p === null ||
    !whole(p.holdWhenOverdueDays) ||
    !whole(p.referWhenOverdueDays) ||
    !Number.isInteger(p.referFromGrade) ||
    (p.referFromGrade as number) < 1 ||
    (p.referFromGrade as number) > 11 ||
    (p.referWhenOverdueDays as number) > (p.holdWhenOverdueDays as number)
  )
    return fail('invalid_field', {
      field: 'policy',
      reason: 'holdWhenOverdueDays ≥ referWhenOverdueDays ≥ 0 (whole days), referFromGrade 1 … 11',
    });
  if (p.credit === undefined) return ok(p as CheckPolicy);
  const credit = parseCreditPolicy(p.credit);
  return credit.ok ? ok({ ...(p as CheckPolicy), credit: credit.value }) : credit;
}
