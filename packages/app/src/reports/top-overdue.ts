import { type BusinessDate, type CurrencyCode, convert, money, ok, type Result } from '@credence/core';
import type { LedgerReads, OverdueBuyer } from '../ports';

export interface RankedOverdueBuyer extends OverdueBuyer {
  /** The overdue balance in the reporting currency (the ranking key). */
  readonly overdueReporting: bigint;
}

/**
 * The buyers with the largest overdue balances as of a date. Balances in different currencies are
 * compared in `reportingCurrency` at the rates in force on `asOf` (a missing rate is an error).
 */
export async function rankOverdueBuyers(
  store: LedgerReads,
  asOf: BusinessDate,
  reportingCurrency: CurrencyCode,
  limit = 10,
): Promise<Result<RankedOverdueBuyer[]>> {
  const [all, rates] = await Promise.all([store.topOverdue(asOf, Number.MAX_SAFE_INTEGER), store.fxRates()]);
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
