import {
  type CurrencyCode,
  type DeliveryConfirmationPolicy,
  deliveryTaskDue,
  type TaskCandidate,
} from '@credence/core';
import { listUnconfirmedDeliveries } from '../../delivery/unconfirmed-deliveries';
import type { Store } from '../../ports';
import type { Converted, WorklistDay } from '../worklist';

/**
 * The worklist's `confirm_delivery` tasks (issue 18, item 5): one per open invoice whose proof of delivery is due
 * (its delivery date, else its invoice date, plus the policy's days) and not confirmed, at or above the policy's
 * minimum, while it fell due within the policy's task window (`deliveryTaskDue`: 30 days by default). It closes when the delivery is confirmed (`credence delivery confirm`) or the invoice is paid.
 */
export async function confirmDeliveryTasks(
  store: Store,
  x: WorklistDay & { readonly delivery?: DeliveryConfirmationPolicy },
  inReporting: (amount: bigint, currency: CurrencyCode) => Converted,
): Promise<TaskCandidate[]> {
  const due = await listUnconfirmedDeliveries(store, {
    asOf: x.asOf,
    ...(x.delivery !== undefined ? { policy: x.delivery } : {}),
  });
  const policy = x.delivery;
  return due
    .filter((d) => policy !== undefined && deliveryTaskDue(d, policy))
    .map((d) => {
      const c = inReporting(d.amount, d.currency);
      return {
        key: `confirm_delivery:${d.number}`,
        subject: d.number,
        documents: [d.number],
        buyerId: d.buyerId,
        action: 'confirm_delivery',
        reason: {
          code: 'delivery_unconfirmed',
          params: { document: d.number, amount: d.amount.toString(), currency: d.currency, deliveredOn: d.deliveredOn },
        },
        amount: c.amount,
        currency: c.currency,
        exponent: c.exponent,
        daysOverdue: d.daysLate,
        ...(c.noFxRate ? { noFxRate: true } : {}),
      };
    });
}
