import {
  type BusinessDate,
  type CreditPolicy,
  type CurrencyCode,
  fail,
  firstOrderCap,
  ok,
  probationOf,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';

/** Who sets or approves a limit, for the new-buyer rule: a credit manager may go above the cap. */
export interface LimitGuard {
  readonly credit?: CreditPolicy;
  /** The API's role is credit_manager; on the CLI `--credit-manager` says so. */
  readonly creditManager: boolean;
}

/**
 * A new buyer's limit while on probation (`credit.newBuyers`) cannot exceed the first-order cap of its currency
 * without a credit manager: `not_allowed` (`probation_cap`, with the cap and the orders so far) otherwise.
 */
export async function checkProbationLimit(
  store: LedgerReads,
  x: { readonly buyerId: string; readonly amount: bigint; readonly currency: CurrencyCode },
  asOf: BusinessDate,
  guard: LimitGuard | undefined,
): Promise<Result<void>> {
  const newBuyers = guard?.credit?.newBuyers;
  if (guard === undefined || guard.creditManager || newBuyers === undefined || guard.credit === undefined)
    return ok(undefined);
  const cap = firstOrderCap(guard.credit, x.currency);
  if (cap === undefined || x.amount <= cap) return ok(undefined);
  const [orders, first] = await Promise.all([store.ordersOf(x.buyerId), store.buyerFirstInvoice(x.buyerId)]);
  const firstInvoice = first !== undefined && first <= asOf ? first : undefined;
  const count = orders.filter((o) => o.date <= asOf && o.status !== 'cancelled').length;
  const p = probationOf({ orders: count, ...(firstInvoice ? { firstInvoice } : {}) }, asOf, newBuyers);
  if (!p.inProbation) return ok(undefined);
  return fail('not_allowed', {
    reason: 'probation_cap',
    cap: cap.toString(),
    currency: x.currency,
    orders: count,
    ...(p.monthsEndOn !== undefined ? { until: p.monthsEndOn } : {}),
  });
}
