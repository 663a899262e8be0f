import type { CheckPolicy, Result } from '@credence/core';
import type { Store } from '../ports';
import { creditCheckEvent } from '../webhooks/events';
import { checkOrder, type OrderCheck, type OrderCheckResult } from './check-order';

/**
 * `checkOrder`, and a hold or referral told to the webhooks (`credit_check.hold`, `credit_check.refer`): the event is
 * the one write, so an approval — the common answer on the ERP's order path — stays a read, and so does a hold or
 * referral no subscription takes (one probe of the subscriptions instead of a write transaction).
 */
export async function checkOrderAndNotify(
  store: Store,
  policy: CheckPolicy,
  x: OrderCheck & { readonly orderId?: string },
): Promise<Result<OrderCheckResult>> {
  const { orderId, ...check } = x;
  const r = await checkOrder(store, policy, check);
  if (!r.ok) return r;
  const event = creditCheckEvent(r.value, orderId);
  if (event !== undefined && (await store.webhookSubscribed(event.type)))
    await store.transact((tx) => tx.appendWebhookEvent(event));
  return r;
}
