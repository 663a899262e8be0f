import type { BusinessDate, CheckReason, CurrencyCode } from '@credence/core';
import type { NewWebhookEvent } from '../webhooks/ports';

/**
 * The holds and referrals of the order credit check, kept for the credit desk (migration 030): what was checked,
 * the exposure and limit it was weighed against, and why. An approval is not kept (the ERP's order path stays a
 * read); a hold or a referral is the one write of a check.
 */
export interface CheckResultDraft {
  readonly buyerId: string;
  readonly orderId?: string;
  readonly asOf: BusinessDate;
  readonly decision: 'hold' | 'refer';
  /** The limit's currency (the order's when there is no limit): every amount below is in it. */
  readonly currency: CurrencyCode;
  readonly orderAmount: bigint;
  readonly openReceivables: bigint;
  readonly openOrders: bigint;
  readonly deliveredNotInvoiced: bigint;
  /** Exposure with the order. */
  readonly exposureAfter: bigint;
  readonly limit?: bigint;
  readonly reasons: readonly CheckReason[];
}

/** A kept result, with who asked and when (the writer's clock). */
export interface CheckResult extends CheckResultDraft {
  readonly id: number;
  readonly checkedBy: string;
  readonly checkedAt: Date;
}

export interface CheckResultQuery {
  readonly decision?: 'hold' | 'refer';
  /** Checks as of this business date or later. */
  readonly from?: BusinessDate;
  /** Checks as of this business date or earlier. */
  readonly to?: BusinessDate;
  readonly limit: number;
  readonly offset: number;
}

export interface CheckResultReads {
  /** The kept results matching the query, newest first (by id), a page of them, and how many match in all. */
  creditCheckResults(q: CheckResultQuery): Promise<{ results: CheckResult[]; total: number }>;
}

export interface CheckResultWrites {
  appendCreditCheckResult(r: CheckResultDraft): Promise<void>;
}

/**
 * Optional on a `Store`: keeps a hold or a referral **outside** `transact`, atomically — its row for the credit desk
 * and, while an active subscription takes the event's type, the event and its deliveries (a change nobody listens
 * to writes no event), as `appendCreditCheckResult` and `appendWebhookEvent` in one transaction would. Resolves
 * once it is committed. A store on a server writes the results of concurrent checks together in one statement
 * (issue 12: a transaction and a probe of the subscriptions per hold halved the check's throughput). Without it
 * `checkOrderAndNotify` probes and writes in a transaction of its own.
 */
export interface CheckResultKeeping {
  keepCheckResult?(result: CheckResultDraft, event?: Omit<NewWebhookEvent, 'subscriptionId'>): Promise<void>;
}
