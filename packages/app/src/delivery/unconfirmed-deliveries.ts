import {
  addDays,
  type BusinessDate,
  type DeliveryConfirmationPolicy,
  type UnconfirmedDelivery,
  unconfirmedDeliveries,
} from '@credence/core';
import type { LedgerReads } from '../ports';

/** The shipped rule when the policy has none: 7 days after delivery, every invoice (no minimum set means none). */
export const DEFAULT_DELIVERY_DAYS = 7;

/**
 * The open invoices whose proof of delivery is due and not confirmed on the date (core `unconfirmedDeliveries`),
 * of one buyer or all: the buyer page, the case file and the worklist's `confirm_delivery` tasks. Empty when the
 * credit policy has no `deliveryConfirmation` section.
 */
export async function listUnconfirmedDeliveries(
  store: LedgerReads,
  x: { readonly asOf: BusinessDate; readonly policy?: DeliveryConfirmationPolicy; readonly buyerId?: string },
): Promise<UnconfirmedDelivery[]> {
  if (x.policy === undefined) return [];
  const awaiting = await store.deliveriesAwaiting(addDays(x.asOf, -x.policy.afterDays), x.buyerId);
  return unconfirmedDeliveries(awaiting, new Set(), x.policy, x.asOf);
}
