import {
  type BusinessDate,
  type CollectionEvent,
  type CurrencyCode,
  fail,
  ok,
  parseMoney,
  type Result,
} from '@credence/core';
import type { Store } from '../ports';
import { invoicesOfOneBuyer, nextId } from './event-support';

export type PromiseMade = Extract<CollectionEvent, { kind: 'promise_made' }>;

/**
 * Records a promise to pay (承诺付款): an amount by a date, for named documents or the buyer's open items in
 * the currency. Dunning of those items waits until the date plus grace; unpaid then, it is broken and escalated.
 */
export async function addPromise(
  store: Store,
  x: {
    buyerId: string;
    amount: string;
    currency?: CurrencyCode;
    date: BusinessDate;
    documents: readonly string[];
    graceDays: number;
    notes: string;
    by: string;
  },
  today: BusinessDate,
): Promise<Result<PromiseMade>> {
  if (x.date < today) return fail('invalid_date', { value: x.date, reason: 'in_the_past' });
  return store.transact(async (tx) => {
    const buyer = await tx.getBuyer(x.buyerId);
    if (buyer === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    let currency = x.currency ?? buyer.currency;
    if (x.documents.length > 0) {
      const docs = await invoicesOfOneBuyer(tx, x.documents, x.buyerId);
      if (!docs.ok) return docs;
      const currencies = [...new Set(docs.value.map((d) => d.currency))];
      if (currencies.length > 1) return fail('currency_mismatch', { a: currencies[0] ?? '', b: currencies[1] ?? '' });
      currency = currencies[0] ?? currency;
    }
    const amount = parseMoney(x.amount, currency);
    if (!amount.ok) return amount;
    if (amount.value.amount <= 0n) return fail('invalid_amount', { value: x.amount, reason: 'not_positive' });
    const event: PromiseMade = {
      kind: 'promise_made',
      id: await nextId(tx, 'promise_made', 'PRM'),
      buyerId: x.buyerId,
      date: today,
      by: x.by,
      amount: amount.value.amount,
      currency,
      promisedDate: x.date,
      graceDays: x.graceDays,
      documents: [...new Set(x.documents)],
      notes: x.notes,
    };
    await tx.appendCollectionEvents([event]);
    return ok(event);
  });
}
