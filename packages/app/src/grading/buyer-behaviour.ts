import { addDays, addMonths, type BusinessDate } from '@credence/core';
import type { LedgerReads } from '../ports';

/** How a buyer paid the invoices it settled in one window ending on the date. */
export interface BehaviourWindow {
  readonly months: 3 | 6 | 12;
  readonly settlements: number;
  /** Amount-weighted days beyond terms (early counts 0). */
  readonly weightedDaysBeyondTerms: number;
  /** Share of settlements paid after the due date (0 … 1). */
  readonly lateShare: number;
  readonly longestDelayDays: number;
}

/** A buyer's settlements in [from, to], summed over the currency given when it has any there, else all. */
export async function settledSums(
  store: LedgerReads,
  buyerId: string,
  currency: string | undefined,
  from: BusinessDate,
  to: BusinessDate,
) {
  const rows = (await store.behaviourSums(from, to, buyerId)).filter((r) => r.buyerId === buyerId);
  const own = rows.filter((r) => r.currency === currency);
  const used = own.length > 0 ? own : rows;
  return {
    amount: used.reduce((s, r) => s + r.settledAmount, 0n),
    amountTimesDaysLate: used.reduce((s, r) => s + r.amountTimesDaysLate, 0n),
    settlements: used.reduce((s, r) => s + r.settlements, 0),
    lateSettlements: used.reduce((s, r) => s + r.lateSettlements, 0),
    maxDaysLate: used.reduce((m, r) => Math.max(m, r.maxDaysLate), 0),
  };
}

/** Weighted days beyond terms of the settlements in [from, to]; undefined when nothing was settled. */
export async function weightedDaysLate(
  store: LedgerReads,
  buyerId: string,
  currency: string | undefined,
  from: BusinessDate,
  to: BusinessDate,
): Promise<number | undefined> {
  const s = await settledSums(store, buyerId, currency, from, to);
  return s.amount > 0n ? Number(s.amountTimesDaysLate) / Number(s.amount) : undefined;
}

/**
 * A buyer's payment behaviour as of a date over the last 3, 6 and 12 months (settlements in its own currency
 * when it has any): the trend shows when the 3-month figures are worse than the 12-month ones.
 */
export async function buyerBehaviour(
  store: LedgerReads,
  buyerId: string,
  currency: string,
  asOf: BusinessDate,
): Promise<BehaviourWindow[]> {
  const next = addDays(asOf, 1);
  const out: BehaviourWindow[] = [];
  for (const months of [3, 6, 12] as const) {
    const s = await settledSums(store, buyerId, currency, addMonths(next, -months), asOf);
    out.push({
      months,
      settlements: s.settlements,
      weightedDaysBeyondTerms: s.amount > 0n ? Number(s.amountTimesDaysLate) / Number(s.amount) : 0,
      lateShare: s.settlements > 0 ? s.lateSettlements / s.settlements : 0,
      longestDelayDays: s.maxDaysLate,
    });
  }
  return out;
}
