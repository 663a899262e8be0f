import { fail, ok, type Result } from '@credence/core';
import type { LedgerReads } from '../ports';
import type { WebhookDelivery, WebhookSubscription } from './ports';

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
