import type { BusinessDate } from '../calendar/date';
import { maxDate } from '../calendar/date';

export interface AllocatableItem {
  readonly number: string;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  /** Open balance now (positive = owed to us). Items with nothing open are ignored. */
  readonly open: bigint;
}

export interface AllocationPlan {
  readonly allocations: readonly {
    readonly documentNumber: string;
    readonly amount: bigint;
    readonly date: BusinessDate;
  }[];
  /** Cash left on the buyer's account (unapplied), never lost. */
  readonly unapplied: bigint;
}

const byDueDate = (a: AllocatableItem, b: AllocatableItem): number =>
  a.dueDate < b.dueDate
    ? -1
    : a.dueDate > b.dueDate
      ? 1
      : a.issueDate < b.issueDate
        ? -1
        : a.issueDate > b.issueDate
          ? 1
          : a.number < b.number
            ? -1
            : a.number > b.number
              ? 1
              : 0;

/**
 * Decides how a payment settles open items. A payment that names a document settles that document
 * up to its open balance and leaves the rest unapplied; a payment that names none settles the
 * items issued on or before the payment date, oldest due date first. Items must be in the payment's currency.
 */
export function planAllocation(
  payment: { readonly amount: bigint; readonly date: BusinessDate; readonly documentNumber?: string },
  items: readonly AllocatableItem[],
): AllocationPlan {
  if (payment.amount <= 0n) return { allocations: [], unapplied: payment.amount };
  const candidates =
    payment.documentNumber !== undefined
      ? items.filter((i) => i.number === payment.documentNumber)
      : items.filter((i) => i.issueDate <= payment.date).sort(byDueDate);
  let left = payment.amount;
  const allocations: { documentNumber: string; amount: bigint; date: BusinessDate }[] = [];
  for (const item of candidates) {
    if (left === 0n) break;
    if (item.open <= 0n) continue;
    const take = item.open < left ? item.open : left;
    allocations.push({ documentNumber: item.number, amount: take, date: maxDate(payment.date, item.issueDate) });
    left -= take;
  }
  return { allocations, unapplied: left };
}
