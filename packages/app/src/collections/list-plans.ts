import { collectionsState, type PaymentPlan } from '@credence/core';
import type { LedgerReads } from '../ports';
import type { CollectionListQuery } from './list-disputes';

/** `plan list`: payment plans with their state (active, broken, completed), in the order they were agreed. */
export async function listPlans(
  store: Pick<LedgerReads, 'collectionEvents'>,
  q: CollectionListQuery = {},
): Promise<readonly PaymentPlan[]> {
  const events = await store.collectionEvents(q.buyerId);
  return [...collectionsState(events.map((e) => e.event)).plans.values()].filter(
    (p) => !q.openOnly || p.status === 'active',
  );
}
