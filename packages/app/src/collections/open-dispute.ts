import {
  type BusinessDate,
  type CollectionEvent,
  collectionsState,
  type DisputeReason,
  fail,
  ok,
  type Result,
} from '@credence/core';
import type { Store } from '../ports';
import { eventsKey, invoicesOfOneBuyer, nextId, required } from './event-support';

export type OpenedDispute = Extract<CollectionEvent, { kind: 'dispute_opened' }>;

/** Opens a dispute (争议) on invoices of one buyer: dunning pauses for those documents only, until resolved. */
export async function openDispute(
  store: Store,
  x: { documents: readonly string[]; reason: DisputeReason; owner: string; notes: string; by: string },
  today: BusinessDate,
): Promise<Result<OpenedDispute>> {
  const owner = required('owner', x.owner);
  if (!owner.ok) return owner;
  return store.transact(async (tx) => {
    // Checked, then appended, under one lock: two requests at once cannot both open a dispute on a document.
    await tx.lock(eventsKey('dispute_opened'));
    const docs = await invoicesOfOneBuyer(tx, x.documents);
    if (!docs.ok) return docs;
    const buyerId = docs.value[0]?.buyerId as string;
    const state = collectionsState((await tx.collectionEvents(buyerId)).map((e) => e.event));
    for (const d of state.disputes.values())
      if (d.resolution === undefined) {
        const both = d.documents.find((n) => x.documents.includes(n));
        if (both) return fail('not_allowed', { reason: 'already_disputed', number: both, id: d.id });
      }
    const event: OpenedDispute = {
      kind: 'dispute_opened',
      id: await nextId(tx, 'dispute_opened', 'DSP'),
      buyerId,
      date: today,
      by: x.by,
      documents: [...new Set(x.documents)],
      reason: x.reason,
      owner: owner.value,
      notes: x.notes,
    };
    await tx.appendCollectionEvents([event]);
    return ok(event);
  });
}
