import { addDays, type BusinessDate } from '../calendar/date';
import { openItemsAsOf } from '../ledger/open-items';
import { type Allocation, type LedgerDocument, signedAmount } from '../ledger/types';
import type { CurrencyCode } from '../money/currency';
import { type KpiInputs, monthWindows } from './kpis';

export const COUNTBACK_MONTHS = 24;

/** KPI inputs for one currency straight from ledger rows (the reference the SQL path is tested against). */
export function kpiInputsFromItems(
  documents: readonly LedgerDocument[],
  allocations: readonly Allocation[],
  currency: CurrencyCode,
  from: BusinessDate,
  asOf: BusinessDate,
): KpiInputs {
  const docs = documents.filter((d) => d.currency === currency);
  const allocs = allocations.filter((a) => a.currency === currency);
  const sum = (xs: readonly { open: bigint }[]) => xs.reduce((s, x) => s + x.open, 0n);
  const open = openItemsAsOf(docs, allocs, asOf);
  const sales = (a: BusinessDate, b: BusinessDate) =>
    docs.filter((d) => d.issueDate >= a && d.issueDate <= b).reduce((s, d) => s + signedAmount(d), 0n);
  return {
    currency,
    from,
    asOf,
    totalAr: sum(open),
    currentAr: sum(open.filter((o) => o.dueDate >= asOf)),
    beginningAr: sum(openItemsAsOf(docs, allocs, addDays(from, -1))),
    creditSales: sales(from, asOf),
    monthlySales: monthWindows(asOf, COUNTBACK_MONTHS).map((w) => ({ ...w, sales: sales(w.from, w.to) })),
  };
}
