import type { BusinessDate } from '../calendar/date';
import { addDays, toEpochDay } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { parseMoney } from '../money/money';
import type { MatchPolicy } from './policy';
import type { CandidateItem, MatchAllocation } from './types';

/** How a paid amount fits an amount due. */
export type AmountFit = 'exact' | 'tolerance' | 'skonto' | 'over' | 'partial';

/** The difference tolerated on `expected` (fees, FX): the policy's share, capped by its absolute amount. */
export function allowance(expected: bigint, currency: CurrencyCode, policy: MatchPolicy): bigint {
  const share = (expected * BigInt(policy.tolerance.percentBp)) / 10_000n;
  const abs = policy.tolerance.absolute[currency];
  if (abs === undefined) return share;
  const cap = parseMoney(abs, currency);
  return cap.ok && cap.value.amount < share ? cap.value.amount : share;
}

/** Whether `shortfall` is an early-payment discount the policy allows on these items, paid on `paidOn`. */
function isSkonto(
  shortfall: bigint,
  items: readonly CandidateItem[],
  paidOn: BusinessDate,
  policy: MatchPolicy,
): number | undefined {
  const { ratesBp, days, graceDays } = policy.skonto;
  const inTime = items.every((i) => toEpochDay(paidOn) <= toEpochDay(addDays(i.issueDate, days + graceDays)));
  if (!inTime) return undefined;
  // Each item's discount rounded on its own: allow one minor unit per item either way.
  const slack = BigInt(items.length);
  return ratesBp.find((bp) => {
    const d = items.reduce((s, i) => s + (i.open * BigInt(bp) + 5_000n) / 10_000n, 0n);
    return shortfall >= d - slack && shortfall <= d + slack;
  });
}

export interface Fit {
  readonly fit: AmountFit;
  readonly allocations: readonly MatchAllocation[];
  readonly onAccount: bigint;
  readonly shortfall: bigint;
  /** The skonto rate taken, basis points (with `fit: 'skonto'`). */
  readonly skontoBp?: number;
}

/** Oldest first (due date, then number): the order in which cash settles items. */
export const oldestFirst = (a: CandidateItem, b: CandidateItem): number =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;

/** `paid` spread over `items` (already oldest first), each taking at most its open amount. */
export function spread(
  paid: bigint,
  items: readonly CandidateItem[],
): { allocations: MatchAllocation[]; left: bigint } {
  const allocations: MatchAllocation[] = [];
  let left = paid;
  for (const i of items) {
    if (left <= 0n) break;
    const a = i.open < left ? i.open : left;
    allocations.push({ document: i.number, amount: a });
    left -= a;
  }
  return { allocations, left };
}

/** How `paid` settles exactly these items (oldest first): in full, short within tolerance or skonto, over, or in part. */
export function fitItems(
  paid: bigint,
  items: readonly CandidateItem[],
  currency: CurrencyCode,
  paidOn: BusinessDate,
  policy: MatchPolicy,
): Fit {
  const due = items.reduce((s, i) => s + i.open, 0n);
  const { allocations, left } = spread(paid, items);
  const full = items.map((i) => ({ document: i.number, amount: i.open }));
  if (paid === due) return { fit: 'exact', allocations: full, onAccount: 0n, shortfall: 0n };
  if (paid > due) {
    const over = paid - due;
    const fit = over <= allowance(due, currency, policy) ? 'tolerance' : 'over';
    return { fit, allocations: full, onAccount: over, shortfall: 0n };
  }
  const short = due - paid;
  const skontoBp = isSkonto(short, items, paidOn, policy);
  if (skontoBp !== undefined) return { fit: 'skonto', allocations, onAccount: left, shortfall: short, skontoBp };
  if (short <= allowance(due, currency, policy))
    return { fit: 'tolerance', allocations, onAccount: left, shortfall: short };
  return { fit: 'partial', allocations, onAccount: left, shortfall: 0n };
}
