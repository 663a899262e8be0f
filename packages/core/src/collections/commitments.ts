import { addDays, type BusinessDate } from '../calendar';
import type { PaymentPlan, PromiseToPay } from './state';

/** The last day a promise can still be kept: the promised date plus the grace days. */
export const promiseEnd = (p: PromiseToPay): BusinessDate => addDays(p.promisedDate, p.graceDays);

/**
 * A promise as of a date, given what was paid towards it since it was made (on its documents, or by the
 * buyer in its currency when it names none): kept once the amount is paid; broken when unpaid after the
 * promised date plus grace; open until then.
 */
export function promiseOutcome(p: PromiseToPay, paidSinceMade: bigint, asOf: BusinessDate): 'open' | 'kept' | 'broken' {
  if (paidSinceMade >= p.amount) return 'kept';
  return asOf > promiseEnd(p) ? 'broken' : 'open';
}

export type PlanOutcome =
  | { readonly status: 'active' }
  | { readonly status: 'completed' }
  | { readonly status: 'broken'; readonly missed: BusinessDate };

/**
 * A payment plan as of a date, given the open balance of its documents then. Paid so far = the plan's total
 * (the instalments, equal to the documents' balance when it was made) − what is open. Every instalment whose
 * date plus grace has passed must be covered, cumulatively; the first that is not breaks the plan.
 */
export function planOutcome(p: PaymentPlan, openNow: bigint, asOf: BusinessDate): PlanOutcome {
  if (openNow <= 0n) return { status: 'completed' };
  const total = p.instalments.reduce((s, i) => s + i.amount, 0n);
  const paid = total - openNow;
  let due = 0n;
  for (const i of [...p.instalments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (addDays(i.date, p.graceDays) >= asOf) break;
    due += i.amount;
    if (paid < due) return { status: 'broken', missed: i.date };
  }
  return { status: 'active' };
}
