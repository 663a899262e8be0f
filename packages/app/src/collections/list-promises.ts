import { collectionsState, type PromiseToPay } from '@credence/core';
import type { LedgerReads } from '../ports';
import type { CollectionListQuery } from './list-disputes';

/** `promise list`: promises to pay with their state (open, kept, broken), in the order they were made. */
export async function listPromises(
  store: Pick<LedgerReads, 'collectionEvents'>,
  q: CollectionListQuery = {},
): Promise<readonly PromiseToPay[]> {
  const events = await store.collectionEvents(q.buyerId);
  return [...collectionsState(events.map((e) => e.event)).promises.values()].filter(
    (p) => !q.openOnly || p.status === 'open',
  );
}
