import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { invoicesOfOneBuyer, required } from './event-support';

/** Adds a note or a call record to a buyer's timeline, optionally about some of its documents. */
export async function addNote(
  store: Store,
  x: {
    buyerId: string;
    kind: 'note' | 'call';
    text: string;
    documents: readonly string[];
    by: string;
    date?: BusinessDate;
  },
  today: BusinessDate,
): Promise<Result<{ buyerId: string; date: BusinessDate }>> {
  const text = required('text', x.text);
  if (!text.ok) return text;
  const date = x.date ?? today;
  if (date > today) return fail('invalid_date', { value: date, reason: 'in_the_future' });
  return store.transact(async (tx) => {
    if ((await tx.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    if (x.documents.length > 0) {
      const docs = await invoicesOfOneBuyer(tx, x.documents, x.buyerId);
      if (!docs.ok) return docs;
    }
    await tx.appendCollectionEvents([
      { kind: x.kind, buyerId: x.buyerId, date, by: x.by, text: text.value, documents: [...x.documents] },
    ]);
    return ok({ buyerId: x.buyerId, date });
  });
}
