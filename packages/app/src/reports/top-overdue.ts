import { type BusinessDate, type CurrencyCode, convert, daysBetween, money, ok, type Result } from '@credence/core';
import { buyerNetPosition } from '../entries/buyer-net-position';
import type { LedgerReads, OverdueBuyer } from '../ports';

export interface RankedOverdueBuyer extends OverdueBuyer {
  /** The overdue balance in the reporting currency (the ranking key). */
  readonly overdueReporting: bigint;
}

/**
 * The buyers with the largest overdue balances as of a date, of their net positions (credit notes and unapplied
 * cash set off against their oldest invoices first: the store's figures are recomputed for the buyers that have
 * such credits). Balances in different currencies are compared in `reportingCurrency` at the rates in force on
 * `asOf` (a missing rate is an error).
 */
export async function rankOverdueBuyers(
  store: LedgerReads,
  asOf: BusinessDate,
  reportingCurrency: CurrencyCode,
  limit = 10,
): Promise<Result<RankedOverdueBuyer[]>> {
  const [gross, rates, cash] = await Promise.all([
    store.topOverdue(asOf, Number.MAX_SAFE_INTEGER),
    store.fxRates(),
    store.unappliedCash(asOf),
  ]);
  const ids = [...new Set(gross.map((b) => b.buyerId))];
  const notes = await store.openCreditNotes(asOf, ids);
  const withCredits = new Set([...cash.filter((c) => c.amount > 0n), ...notes].map((c) => c.buyerId));
  const all: OverdueBuyer[] = [];
  for (const b of gross) {
    if (!withCredits.has(b.buyerId)) {
      all.push(b);
      continue;
    }
    const net = await buyerNetPosition(store, b.buyerId, asOf);
    const owed = net.items.filter((i) => i.currency === b.currency);
    const late = owed.filter((i) => i.dueDate < asOf);
    const overdue = late.reduce((t, i) => t + i.open, 0n);
    if (overdue <= 0n) continue;
    const credit = net.creditBalance.find((c) => c.currency === b.currency)?.amount ?? 0n;
    all.push({
      ...b,
      overdue,
      open: owed.reduce((t, i) => t + i.open, 0n) - credit,
      oldestDaysOverdue: Math.max(0, ...late.map((i) => daysBetween(i.dueDate, asOf))),
    });
  }
  const ranked: RankedOverdueBuyer[] = [];
  for (const b of all) {
    const c = convert(money(b.overdue, b.currency), reportingCurrency, rates, asOf);
    if (!c.ok) return c;
    ranked.push({ ...b, overdueReporting: c.value.amount });
  }
  ranked.sort((a, b) =>
    a.overdueReporting === b.overdueReporting
      ? a.buyerId < b.buyerId
        ? -1
        : 1
      : a.overdueReporting > b.overdueReporting
        ? -1
        : 1,
  );
  return ok(ranked.slice(0, limit));
}
