import {
  type BusinessDate,
  type ContractRate,
  type CurrencyCode,
  type Failure,
  fixedCompensation,
  lateInterest,
  parseDecimal,
  type RateTables,
  type Regime,
} from '@credence/core';
import type { InterestBasis } from './letter';

/** `12%/year` or `0.05%/day`. */
export function parseRate(text: string): ContractRate | undefined {
  const m = /^(\d+(?:\.\d+)?)%\/(day|year)$/.exec(text.trim());
  const d = m ? parseDecimal(m[1] ?? '') : undefined;
  return m && d?.ok ? { percent: d.value, per: m[2] as 'day' | 'year' } : undefined;
}

export interface ItemInterest {
  /** Interest to date; 0 when it could not be computed (see `notComputed`). */
  readonly interest: bigint;
  /** The regime's fixed compensation in the item's currency (0 when it gives none in that currency). */
  readonly compensation: bigint;
  /** Why the interest could not be computed: a reference rate the tables lack (its series and half-year). */
  readonly notComputed?: Failure;
}

/** Dated reductions with reversals (negative amounts) cancelling the latest earlier ones, as if they had not happened. */
function netOfReversals(
  reductions: readonly { date: BusinessDate; amount: bigint }[],
): { date: BusinessDate; amount: bigint }[] {
  const kept: { date: BusinessDate; amount: bigint }[] = [];
  for (const r of [...reductions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (r.amount > 0n) {
      kept.push({ ...r });
      continue;
    }
    let undo = -r.amount;
    while (undo > 0n && kept.length > 0) {
      const last = kept[kept.length - 1] as { date: BusinessDate; amount: bigint };
      const take = undo < last.amount ? undo : last.amount;
      last.amount -= take;
      undo -= take;
      if (last.amount === 0n) kept.pop();
    }
  }
  return kept;
}

/**
 * Interest and compensation on an open invoice up to `asOf` under a basis. A credit note corrects the
 * invoice: whatever its date, what it credits never bore interest. Payments and write-offs by the due date
 * lower the principal from the start, later ones from the day after their date. The fixed compensation is
 * based on the original invoice amount, in the item's currency only (none when the regime gives none in it), and
 * does not depend on the reference rates: a missing rate leaves the interest uncomputed (`notComputed` names
 * it) and the compensation due. Nothing before the item is overdue.
 */
export function itemInterest(
  item: { currency: CurrencyCode; dueDate: BusinessDate; open: bigint },
  reductions: readonly { date: BusinessDate; amount: bigint; credit?: boolean }[],
  basis: InterestBasis,
  asOf: BusinessDate,
  rates: RateTables,
): { ok: true; value: ItemInterest } | { ok: false; error: Failure } {
  if (basis.regime === 'none' || asOf <= item.dueDate) return { ok: true, value: { interest: 0n, compensation: 0n } };
  const credits = netOfReversals(reductions.filter((r) => r.credit === true));
  const paid = netOfReversals(reductions.filter((r) => r.credit !== true));
  const after = paid.filter((r) => r.date > item.dueDate);
  const principal = item.open + after.reduce((s, r) => s + r.amount, 0n);
  const invoiceAmount =
    principal +
    paid.filter((r) => r.date <= item.dueDate).reduce((s, r) => s + r.amount, 0n) +
    credits.reduce((s, r) => s + r.amount, 0n);
  if (principal <= 0n) return { ok: true, value: { interest: 0n, compensation: 0n } };
  const rate = basis.contractRate !== undefined ? parseRate(basis.contractRate) : undefined;
  const base = {
    regime: basis.regime as Regime,
    principal,
    currency: item.currency,
    due: item.dueDate,
    payments: after,
    paid: asOf,
    invoiceAmount,
    ...(rate ? { rate } : {}),
  };
  const compensation = fixedCompensation(base.regime, item.currency, invoiceAmount)?.amount ?? 0n;
  const r = lateInterest({ ...base, compensation: false }, rates);
  return {
    ok: true,
    value: r.ok ? { interest: r.value.interest, compensation } : { interest: 0n, compensation, notComputed: r.error },
  };
}
