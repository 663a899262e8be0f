import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { deliverDueWebhooks, type WebhookSend } from './deliver-due-webhooks';
import type { WebhookDelivery } from './ports';

/**
 * Sends a `webhook.ping` to one subscription now: writes the event with a delivery to it alone and attempts that
 * delivery at once (a failure is retried like any other). Returns the delivery as the log shows it after.
 */
export async function pingWebhook(
  store: Store,
  id: string,
  o: { readonly now: Date; readonly send?: WebhookSend; readonly timeoutMs?: number },
): Promise<Result<WebhookDelivery>> {
  const queued = await store.transact(async (tx) => {
    const sub = (await tx.webhookSubscriptions()).find((s) => s.id === id);
    if (sub === undefined) return fail('not_found', { what: 'webhook', id });
    if (!sub.active) return fail('not_allowed', { reason: 'removed', id });
    const r = await tx.appendWebhookEvent({
      type: 'webhook.ping',
      payload: { subscriptionId: id, url: sub.url },
      subscriptionId: id,
    });
    return ok(r.deliveries);
  });
  if (!queued.ok) return queued;
  await deliverDueWebhooks(store, { ...o, ids: queued.value });
  const delivery = (await store.webhookDeliveries(id, 20)).find((d) => queued.value.includes(d.id));
  if (delivery === undefined) throw new Error(`ping delivery of ${id} not found`);
  return ok(delivery);
}
