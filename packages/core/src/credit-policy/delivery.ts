import { addDays, type BusinessDate, daysBetween } from '../calendar';
import type { CurrencyCode } from '../money';
import { parseMoney } from '../money';

/**
 * Delivery confirmation (issue 18, item 5): so many days after delivery, an invoice at or above the amount (per
 * currency, in major units as text) needs its proof of delivery confirmed. A section of the credit policy.
 */
export interface DeliveryConfirmationPolicy {
  /** Days after delivery (the invoice date when no delivery date is known) before the task (7). */
  readonly afterDays: number;
  /** The smallest invoice (face value) that needs it, per currency ("10000.00"); a currency not named: none. */
  readonly minimum: Readonly<Record<string, string>>;
  /**
   * A confirmation is a worklist task while it fell due at most this many days ago (default 30,
   * `DELIVERY_TASK_WINDOW_DAYS`); older unconfirmed deliveries stay on the buyer page and in the case file.
   */
  readonly taskWindowDays?: number;
}

export const DELIVERY_TASK_WINDOW_DAYS = 30;

/** Whether an unconfirmed delivery is still a worklist task: its confirmation fell due within the window. */
export const deliveryTaskDue = (
  d: Pick<UnconfirmedDelivery, 'daysLate'>,
  policy: DeliveryConfirmationPolicy,
): boolean => d.daysLate <= (policy.taskWindowDays ?? DELIVERY_TASK_WINDOW_DAYS);

/** An open invoice and whether its delivery is confirmed. */
export interface DeliveredInvoice {
  readonly number: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  /** Face value in minor units. */
  readonly amount: bigint;
  readonly issueDate: BusinessDate;
  readonly deliveryDate?: BusinessDate;
}

export interface UnconfirmedDelivery extends DeliveredInvoice {
  /** The delivery date, or the invoice date standing in for it. */
  readonly deliveredOn: BusinessDate;
  /** The day the confirmation was due (delivered + afterDays). */
  readonly dueOn: BusinessDate;
  /** Days since it was due (0 on the day). */
  readonly daysLate: number;
}

/**
 * The invoices whose delivery is due for confirmation on the date and not confirmed: delivered (the delivery
 * date, else the invoice date) at least `afterDays` before it, face value at or above the policy's minimum in
 * their currency. Oldest delivery first, then number.
 */
export function unconfirmedDeliveries(
  invoices: readonly DeliveredInvoice[],
  confirmed: ReadonlySet<string>,
  policy: DeliveryConfirmationPolicy,
  asOf: BusinessDate,
): UnconfirmedDelivery[] {
  const out: UnconfirmedDelivery[] = [];
  for (const i of invoices) {
    if (confirmed.has(i.number)) continue;
    const text = policy.minimum[i.currency];
    const floor = text === undefined ? undefined : parseMoney(text, i.currency);
    if (floor === undefined || !floor.ok || i.amount < floor.value.amount) continue;
    const deliveredOn = i.deliveryDate ?? i.issueDate;
    const dueOn = addDays(deliveredOn, policy.afterDays);
    if (dueOn > asOf) continue;
    const daysLate = daysBetween(dueOn, asOf);
    out.push({ ...i, deliveredOn, dueOn, daysLate });
  }
  return out.sort((a, b) =>
    a.deliveredOn !== b.deliveredOn ? (a.deliveredOn < b.deliveredOn ? -1 : 1) : a.number < b.number ? -1 : 1,
  );
}
