import { fail, ok, type Result } from '@credence/core';
import type { LedgerReads, Store } from '../ports';
import type { WebhookDelivery, WebhookSubscription } from './ports';

/** The active subscriptions (with `all`, removed ones too), by creation. */
export async function listWebhooks(store: LedgerReads, all = false): Promise<WebhookSubscription[]> {
  return (await store.webhookSubscriptions()).filter((s) => all || s.active);
}

/** Stops a subscription: nothing more is sent to it, its pending deliveries are failed. The log stays. */
export async function removeWebhook(store: Store, id: string): Promise<Result<WebhookSubscription>> {
  return store.transact(async (tx) => {
    const sub = (await tx.webhookSubscriptions()).find((s) => s.id === id);
    if (sub === undefined) return fail('not_found', { what: 'webhook', id });
    if (!(await tx.deactivateWebhook(id))) return fail('not_allowed', { reason: 'already_removed', id });
    return ok({ ...sub, active: false });
  });
}

export const DELIVERY_LOG_LIMIT = 200;

/** The delivery log of a subscription: its latest deliveries, newest event first. */
export async function webhookDeliveries(
  store: LedgerReads,
  id: string,
  limit = DELIVERY_LOG_LIMIT,
): Promise<Result<{ subscription: WebhookSubscription; deliveries: WebhookDelivery[] }>> {
  const subscription = (await store.webhookSubscriptions()).find((s) => s.id === id);
  if (subscription === undefined) return fail('not_found', { what: 'webhook', id });
  return ok({ subscription, deliveries: await store.webhookDeliveries(id, limit) });
}
