import { addMonths, type BusinessDate } from '../calendar/date';
import type { InsurancePolicy } from './policy';

/**
 * The history of a buyer's insured limit: the insurer's decisions (request, approval, reduction,
 * withdrawal), the insured's own discretionary limits and adverse information. Each decision is dated;
 * `seq` orders decisions of the same day (the order they were recorded).
 */
export type LimitEvent =
  | { readonly kind: 'requested'; readonly date: BusinessDate; readonly amount: bigint; readonly seq?: number }
  | {
      readonly kind: 'approved' | 'reduced';
      readonly date: BusinessDate;
      readonly amount: bigint;
      /** Last day the limit is in force for deliveries; absent = until further notice. */
      readonly expiry?: BusinessDate;
      readonly reference?: string;
      readonly seq?: number;
    }
  | { readonly kind: 'withdrawn'; readonly date: BusinessDate; readonly reference?: string; readonly seq?: number }
  | {
      readonly kind: 'discretionary';
      /** Date of the credit report the limit rests on; the limit is valid from it. */
      readonly date: BusinessDate;
      readonly amount: bigint;
      readonly seq?: number;
    }
  | { readonly kind: 'adverse_info'; readonly date: BusinessDate; readonly seq?: number };

export type LimitSource = 'insurer' | 'discretionary' | 'none';

/** The limit in force for a delivery on a date, with why. */
export interface LimitInForce {
  readonly amount: bigint;
  readonly source: LimitSource;
  /** `approved`, `reduced`, `withdrawn`, `expired`, `discretionary`, `discretionary_capped`,
   * `discretionary_expired`, `discretionary_ended_by_decision`, `discretionary_ended_by_adverse_info`,
   * `requested_only`, `no_limit`. */
  readonly reason: string;
  /** The decision that sets the limit, if any. */
  readonly decision?: LimitEvent;
  /** Last day of validity (approval expiry, end of a discretionary limit), if any. */
  readonly validUntil?: BusinessDate;
}

const INSURER = new Set(['approved', 'reduced', 'withdrawn']);
const bySeq = (a: LimitEvent, b: LimitEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : (a.seq ?? 0) - (b.seq ?? 0);

/**
 * An approval covers deliveries from its decision date on; a reduction or a withdrawal covers only
 * deliveries strictly after its decision date (what was delivered on or before it keeps its cover).
 */
export function decisionAppliesTo(e: LimitEvent, delivery: BusinessDate): boolean {
  if (e.kind === 'approved') return e.date <= delivery;
  if (e.kind === 'reduced' || e.kind === 'withdrawn') return e.date < delivery;
  return false;
}

/** Last day a discretionary limit taken on a credit report of `reportDate` is valid. */
export function discretionaryValidUntil(reportDate: BusinessDate, policy: InsurancePolicy): BusinessDate {
  return addMonths(reportDate, policy.discretionaryLimitValidityMonths);
}

/** The insured limit in force for a delivery (invoice) dated `delivery`. */
export function limitInForce(
  events: readonly LimitEvent[],
  delivery: BusinessDate,
  policy: InsurancePolicy,
): LimitInForce {
  const sorted = [...events].sort(bySeq);
  const insurer = sorted.filter((e) => INSURER.has(e.kind) && decisionAppliesTo(e, delivery));
  const last = insurer[insurer.length - 1];
  if (last !== undefined) {
    if (last.kind === 'withdrawn') return { amount: 0n, source: 'insurer', reason: 'withdrawn', decision: last };
    if (last.kind === 'approved' || last.kind === 'reduced') {
      if (last.expiry !== undefined && delivery > last.expiry)
        return { amount: 0n, source: 'insurer', reason: 'expired', decision: last, validUntil: last.expiry };
      return {
        amount: last.amount,
        source: 'insurer',
        reason: last.kind,
        decision: last,
        ...(last.expiry !== undefined ? { validUntil: last.expiry } : {}),
      };
    }
  }
  const disc = sorted.filter((e) => e.kind === 'discretionary' && e.date <= delivery);
  const d = disc[disc.length - 1];
  if (d === undefined || d.kind !== 'discretionary') {
    const requested = sorted.some((e) => e.kind === 'requested' && e.date <= delivery);
    return { amount: 0n, source: 'none', reason: requested ? 'requested_only' : 'no_limit' };
  }
  const validUntil = discretionaryValidUntil(d.date, policy);
  if (delivery > validUntil)
    return { amount: 0n, source: 'none', reason: 'discretionary_expired', decision: d, validUntil };
  // Any insurer decision on the buyer, or adverse information, after the report ends the discretionary
  // limit for deliveries after that day.
  const ender = sorted.find(
    (e) => (INSURER.has(e.kind) || e.kind === 'adverse_info') && e.date >= d.date && e.date < delivery,
  );
  if (ender !== undefined)
    return {
      amount: 0n,
      source: 'none',
      reason: ender.kind === 'adverse_info' ? 'discretionary_ended_by_adverse_info' : 'discretionary_ended_by_decision',
      decision: ender,
    };
  const capped = d.amount > policy.discretionaryLimitMax;
  return {
    amount: capped ? policy.discretionaryLimitMax : d.amount,
    source: 'discretionary',
    reason: capped ? 'discretionary_capped' : 'discretionary',
    decision: d,
    validUntil,
  };
}
