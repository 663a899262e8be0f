import type { Store } from '../ports';
import { deliverDueWebhooks } from './deliver-due-webhooks';

/**
 * For a worker loop (`credence serve`): one dispatcher pass with the defaults (a batch of 50, 10 s per request),
 * the number of deliveries attempted.
 */
export const webhookPoller = {
  name: 'webhooks',
  poll: async (store: Store, now: Date): Promise<number> => (await deliverDueWebhooks(store, { now })).attempted,
};
