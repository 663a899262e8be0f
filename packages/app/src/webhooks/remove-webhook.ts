import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import type { WebhookSubscription } from './ports';

/** Stops a subscription: nothing more is sent to it, its pending deliveries are failed. The log stays. */
export async function removeWebhook(store: Store, id: string): Promise<Result<WebhookSubscription>> {
  return store.transact(async (tx) => {
    const sub = (await tx.webhookSubscriptions()).find((s) => s.id === id);
    if (sub === undefined) return fail('not_found', { what: 'webhook', id });
    if (!(await tx.deactivateWebhook(id))) return fail('not_allowed', { reason: 'already_removed', id });
    return ok({ ...sub, active: false });
  });
}
