import {
  type BusinessDate,
  type ContractRate,
  type CurrencyCode,
  type Failure,
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
  readonly interest: bigint;
  readonly compensation: bigint;
}

/**
 * Interest and compensation on an open invoice up to `asOf` under a basis: the face value less what was
 * paid by the due date is the principal; later reductions lower it from the day after their date. A reversal
 * (a negative reduction) cancels the latest earlier reductions, as if they had not happened. Nothing before
 * the item is overdue; a missing reference rate is a failure naming it.
 */
export function itemInterest(
  item: { currency: CurrencyCode; dueDate: BusinessDate; open: bigint },
  reductions: readonly { date: BusinessDate; amount: bigint }[],
  basis: InterestBasis,
  asOf: BusinessDate,
  rates: RateTables,
): { ok: true; value: ItemInterest } | { ok: false; error: Failure } {
  if (basis.regime === 'none' || asOf <= item.dueDate) return { ok: true, value: { interest: 0n, compensation: 0n } };
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
  const after = kept.filter((r) => r.date > item.dueDate && r.amount > 0n);
  const principal = item.open + after.reduce((s, r) => s + r.amount, 0n);
  if (principal <= 0n) return { ok: true, value: { interest: 0n, compensation: 0n } };
  const rate = basis.contractRate !== undefined ? parseRate(basis.contractRate) : undefined;
  const base = {
    regime: basis.regime as Regime,
    principal,
    currency: item.currency,
    due: item.dueDate,
    payments: after,
    paid: asOf,
    ...(rate ? { rate } : {}),
  };
  let r = lateInterest(base, rates);
  if (!r.ok && r.error.params.reason === 'compensation_currency')
    r = lateInterest({ ...base, compensation: false }, rates);
  return r.ok ? { ok: true, value: { interest: r.value.interest, compensation: r.value.compensation } } : r;
}
