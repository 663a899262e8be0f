/** Every reason a collector has a task (the source of truth of the reason catalogs, core/reasons). */
export const WORK_REASON_CODES = [
  'letter',
  'letter_unmailed',
  'delivery_failed',
  'delivery_no_address',
  'promise_due',
  'promise_broken',
  'dispute_open',
  'insurance_deadline',
  'delivery_unconfirmed',
  'guarantee_expiring',
  'letter_of_credit_expiring',
  'alert_review',
] as const;
export type WorkReasonCode = (typeof WORK_REASON_CODES)[number];

/**
 * Why a task is on the list, with its references (letter, promise, dispute ids, documents); an amount is
 * `amount` in minor units of `currency`. core/reasons writes it in words.
 */
export interface WorkReason {
  readonly code: WorkReasonCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A collector's task before ranking. */
export interface WorkTask {
  readonly buyerId: string;
  readonly action:
    | 'call'
    | 'post_letter'
    | 'hand_off'
    | 'check_promise'
    | 'follow_up_promise'
    | 'chase_dispute'
    | 'fix_delivery'
    | 'credit_hold'
    | 'insurance_deadline'
    | 'confirm_delivery'
    | 'renew_security'
    /** An alert whose rule asks for a review task (docs/domain/monitoring.md): review the buyer's credit. */
    | 'review_credit';
  /** Why, as a code with the references (letter, promise, dispute ids). */
  readonly reason: WorkReason;
  /** True when no FX rate converts the amount to the reporting currency: it stays in its own. */
  readonly noFxRate?: boolean;
  /** Amount concerned, in minor units (exponent `exponent`) of `currency`: the reporting currency, unless no FX rate converts it. */
  readonly amount: bigint;
  readonly currency: string;
  readonly exponent: number;
  readonly daysOverdue: number;
  /** Probability of default from the buyer's latest grade (a default when it has none). */
  readonly pd: number;
}

export interface RankedTask extends WorkTask {
  readonly score: number;
}

/**
 * The worklist order: amount × days overdue × risk (PD), highest first; days count at least 1 so items not yet
 * due still rank by amount and risk. Ties: larger amount, then buyer id.
 */
export function rankWorklist<T extends WorkTask>(tasks: readonly T[]): (T & RankedTask)[] {
  return tasks
    .map((t) => ({ ...t, score: (Number(t.amount) / 10 ** t.exponent) * Math.max(1, t.daysOverdue) * t.pd }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.amount < b.amount ? 1 : a.amount > b.amount ? -1 : 0) ||
        (a.buyerId < b.buyerId ? -1 : 1),
    );
}
