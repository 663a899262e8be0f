import {
  addMonths,
  type BusinessDate,
  type CollectionEvent,
  collectionsState,
  fail,
  type Instalment,
  money,
  ok,
  parseMoney,
  type Result,
  splitLargestRemainder,
  toDecimalString,
} from '@credence/core';
import type { Store } from '../ports';
import { eventsKey, invoicesOfOneBuyer, nextId } from './event-support';

export type PlanCreated = Extract<CollectionEvent, { kind: 'plan_created' }>;

/** How the instalments are given: each with its date and amount, or a count of equal monthly ones from a date. */
export type InstalmentSpec =
  | { readonly kind: 'explicit'; readonly instalments: readonly { date: BusinessDate; amount: string }[] }
  | { readonly kind: 'monthly'; readonly count: number; readonly first: BusinessDate };

/**
 * Agrees a payment plan (分期付款) on open invoices of one buyer in one currency: instalments that add up to
 * their open balance today replace the documents' due dates for dunning; a missed instalment breaks the plan.
 */
export async function createPlan(
  store: Store,
  x: {
    buyerId: string;
    documents: readonly string[];
    spec: InstalmentSpec;
    graceDays: number;
    notes: string;
    by: string;
  },
  today: BusinessDate,
): Promise<Result<PlanCreated>> {
  return store.transact(async (tx) => {
    // One active plan per document, checked under the plans' lock (requests at once are checked one by one).
    await tx.lock(eventsKey('plan_created'));
    if ((await tx.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    const docs = await invoicesOfOneBuyer(tx, x.documents, x.buyerId);
    if (!docs.ok) return docs;
    const currencies = [...new Set(docs.value.map((d) => d.currency))];
    const currency = currencies[0];
    if (currency === undefined || currencies.length > 1)
      return fail('currency_mismatch', { a: currencies[0] ?? '', b: currencies[1] ?? '' });
    const open = new Map((await tx.buyerOpenItems(x.buyerId, today)).map((i) => [i.number, i.open]));
    for (const d of docs.value)
      if ((open.get(d.number) ?? 0n) <= 0n) return fail('not_allowed', { reason: 'nothing_open', number: d.number });
    const state = collectionsState((await tx.collectionEvents(x.buyerId)).map((e) => e.event));
    for (const p of state.plans.values()) {
      const both = p.status === 'active' ? p.documents.find((n) => x.documents.includes(n)) : undefined;
      if (both) return fail('not_allowed', { reason: 'already_in_plan', number: both, id: p.id });
    }
    const total = docs.value.reduce((s, d) => s + (open.get(d.number) ?? 0n), 0n);
    let instalments: Instalment[];
    if (x.spec.kind === 'monthly') {
      if (!Number.isInteger(x.spec.count) || x.spec.count < 1)
        return fail('invalid_field', { field: 'instalments', value: x.spec.count });
      const first = x.spec.first;
      const parts = splitLargestRemainder(
        total,
        Array.from({ length: x.spec.count }, () => 1n),
      );
      instalments = parts.map((amount, i) => ({ date: addMonths(first, i), amount }));
    } else {
      instalments = [];
      for (const i of x.spec.instalments) {
        const m = parseMoney(i.amount, currency);
        if (!m.ok) return m;
        if (m.value.amount <= 0n) return fail('invalid_amount', { value: i.amount, reason: 'not_positive' });
        instalments.push({ date: i.date, amount: m.value.amount });
      }
      const sum = instalments.reduce((s, i) => s + i.amount, 0n);
      if (sum !== total)
        return fail('invalid_amount', {
          reason: 'instalments_not_total',
          value: toDecimalString(money(sum, currency)),
          total: toDecimalString(money(total, currency)),
          currency,
        });
    }
    if (instalments.some((i) => i.date < today)) return fail('invalid_date', { reason: 'in_the_past', value: today });
    const event: PlanCreated = {
      kind: 'plan_created',
      id: await nextId(tx, 'plan_created', 'PLN'),
      buyerId: x.buyerId,
      date: today,
      by: x.by,
      currency,
      documents: [...new Set(x.documents)],
      instalments: instalments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      graceDays: x.graceDays,
      notes: x.notes,
    };
    await tx.appendCollectionEvents([event]);
    return ok(event);
  });
}
