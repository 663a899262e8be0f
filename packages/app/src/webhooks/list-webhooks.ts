import type { LedgerReads } from '../ports';
import type { WebhookSubscription } from './ports';

/** The active subscriptions (with `all`, removed ones too), by creation. */
export async function listWebhooks(store: LedgerReads, all = false): Promise<WebhookSubscription[]> {
  return (await store.webhookSubscriptions()).filter((s) => all || s.active);
}
