import { addMonths, type BusinessDate } from '../calendar';
import type { CreditPolicy } from './policy';

export type NewBuyersPolicy = NonNullable<CreditPolicy['newBuyers']>;

export interface Probation {
  /** True while the buyer is new: fewer orders than the policy's and too few months since its first invoice. */
  readonly inProbation: boolean;
  /** Orders recorded before (dated on or before the date, not cancelled). */
  readonly orders: number;
  readonly firstInvoice?: BusinessDate;
  /** The day the months' condition ends (none before a first invoice). */
  readonly monthsEndOn?: BusinessDate;
}

/**
 * A new buyer's probation (docs/domain/credit-policy.md): the first `probationOrders` orders or the first
 * `probationMonths` months since its first invoice, whichever ends first — it lasts while the buyer has had fewer
 * orders **and** the months have not passed (no first invoice yet: they have not). A buyer invoiced for longer
 * than the months is established, whatever the orders recorded.
 */
export function probationOf(
  x: { readonly orders: number; readonly firstInvoice?: BusinessDate },
  asOf: BusinessDate,
  policy: NewBuyersPolicy,
): Probation {
  const monthsEndOn = x.firstInvoice === undefined ? undefined : addMonths(x.firstInvoice, policy.probationMonths);
  const inProbation = x.orders < policy.probationOrders && (monthsEndOn === undefined || asOf < monthsEndOn);
  return {
    inProbation,
    orders: x.orders,
    ...(x.firstInvoice !== undefined ? { firstInvoice: x.firstInvoice } : {}),
    ...(monthsEndOn !== undefined ? { monthsEndOn } : {}),
  };
}
