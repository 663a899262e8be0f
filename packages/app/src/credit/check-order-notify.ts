import type { CheckPolicy, Result } from '@credence/core';
import type { Store } from '../ports';
import { creditCheckEvent } from '../webhooks/events';
import { checkOrder, type OrderCheck, type OrderCheckResult } from './check-order';
import type { CheckResultDraft } from './check-results-ports';

/** A hold or a referral as the credit desk keeps it; an approval is not kept. */
export function checkResultDraft(r: OrderCheckResult, orderId?: string): CheckResultDraft | undefined {
  if (r.decision === 'approve') return undefined;
  return {
    buyerId: r.buyerId,
    ...(orderId !== undefined ? { orderId } : {}),
    asOf: r.asOf,
    decision: r.decision,
    currency: r.currency,
    orderAmount: r.orderAmount,
    openReceivables: r.exposure.openReceivables,
    openOrders: r.exposure.openOrders,
    deliveredNotInvoiced: r.exposure.deliveredNotInvoiced,
    exposureAfter: r.exposureAfter,
    ...(r.limit !== undefined ? { limit: r.limit } : {}),
    reasons: r.reasons,
  };
}

/**
 * `checkOrder`; a hold or a referral is kept for the credit desk (`credit_check_results`) and told to the webhooks
 * (`credit_check.hold`, `credit_check.refer`) while a subscription takes its type, in one transaction. An
 * approval — the common answer on the ERP's order path — stays a read. A store that keeps results itself
 * (`keepCheckResult`: on a server, the holds of concurrent checks in one statement) does both; the answer waits
 * until the result is committed either way.
 */
export async function checkOrderAndNotify(
  store: Store,
  policy: CheckPolicy,
  x: OrderCheck & { readonly orderId?: string },
): Promise<Result<OrderCheckResult>> {
  const { orderId, ...check } = x;
  const r = await checkOrder(store, policy, check);
  if (!r.ok) return r;
  const kept = checkResultDraft(r.value, orderId);
  if (kept === undefined) return r;
  const event = creditCheckEvent(r.value, orderId);
  if (store.keepCheckResult !== undefined) {
    await store.keepCheckResult(kept, event);
    return r;
  }
  const notify = event !== undefined && (await store.webhookSubscribed(event.type));
  await store.transact(async (tx) => {
    await tx.appendCreditCheckResult(kept);
    if (notify) await tx.appendWebhookEvent(event);
  });
  return r;
}
