import type { BusinessDate } from '@credence/core';
import type { LedgerReads, OrderCheckReads } from '../ports';

/**
 * What the order credit check reads of one buyer as of a date, or undefined for an unknown buyer: the store's
 * one-statement `orderCheckReads` when it has one, else its reads one by one (the same answers).
 */
export async function readForOrderCheck(
  store: LedgerReads,
  buyerId: string,
  asOf: BusinessDate,
): Promise<OrderCheckReads | undefined> {
  if (store.orderCheckReads) return store.orderCheckReads(buyerId, asOf);
  if ((await store.getBuyer(buyerId)) === undefined) return undefined;
  const [openItems, payments, orders, limitEvents, holds, grades, overrides, securities, first, insurance] =
    await Promise.all([
      store.buyerOpenItems(buyerId, asOf),
      store.unappliedPayments(buyerId, asOf),
      store.ordersOf(buyerId),
      store.limitEventsOf(buyerId),
      store.holdsOf(buyerId),
      store.gradesOf(buyerId),
      store.gradeOverridesOf(buyerId),
      store.securityEventsOf(buyerId),
      store.buyerFirstInvoice(buyerId),
      store.insuranceEvents({ buyerId }),
    ]);
  const firstInvoice = first !== undefined && first <= asOf ? first : undefined;
  return {
    openItems,
    payments,
    orders,
    limitEvents,
    holds,
    grades,
    overrides,
    securities,
    ...(firstInvoice !== undefined ? { firstInvoice } : {}),
    insured: insurance.length > 0,
  };
}
