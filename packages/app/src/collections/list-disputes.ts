import { type CurrencyCode, collectionsState, type Dispute } from '@credence/core';
import type { LedgerReads } from '../ports';

/** Which disputes, promises or plans to list: of one buyer or all; only the open (active) ones or all. */
export interface CollectionListQuery {
  readonly buyerId?: string;
  readonly openOnly?: boolean;
}

/** A dispute as the events leave it, with the currency of the credit note that settled it (for `accepted`). */
export interface DisputeListEntry extends Dispute {
  /** The currency of `resolution.creditNote`, when there is one and it is recorded. */
  readonly acceptedCurrency?: CurrencyCode;
}

/** `dispute list`: the disputes folded from the collection events, in the order they were opened. */
export async function listDisputes(
  store: Pick<LedgerReads, 'collectionEvents' | 'findDocuments'>,
  q: CollectionListQuery = {},
): Promise<readonly DisputeListEntry[]> {
  const events = await store.collectionEvents(q.buyerId);
  const disputes = [...collectionsState(events.map((e) => e.event)).disputes.values()].filter(
    (d) => !q.openOnly || d.resolution === undefined,
  );
  const notes = await store.findDocuments(
    disputes.flatMap((d) => (d.resolution?.creditNote ? [d.resolution.creditNote] : [])),
  );
  const currencyOf = new Map(notes.map((n) => [n.number, n.currency]));
  return disputes.map((d) => {
    const currency = d.resolution?.creditNote === undefined ? undefined : currencyOf.get(d.resolution.creditNote);
    return currency === undefined ? d : { ...d, acceptedCurrency: currency };
  });
}
