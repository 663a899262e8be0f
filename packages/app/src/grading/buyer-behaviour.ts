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
    const rows = (await store.behaviourSums(addMonths(next, -months), asOf, buyerId)).filter(
      (r) => r.buyerId === buyerId,
    );
    const own = rows.filter((r) => r.currency === currency);
    const used = own.length > 0 ? own : rows;
    const amount = used.reduce((s, r) => s + r.settledAmount, 0n);
    const settlements = used.reduce((s, r) => s + r.settlements, 0);
    out.push({
      months,
      settlements,
      weightedDaysBeyondTerms:
        amount > 0n ? Number(used.reduce((s, r) => s + r.amountTimesDaysLate, 0n)) / Number(amount) : 0,
      lateShare: settlements > 0 ? used.reduce((s, r) => s + r.lateSettlements, 0) / settlements : 0,
      longestDelayDays: used.reduce((m, r) => Math.max(m, r.maxDaysLate), 0),
    });
  }
  return out;
}
