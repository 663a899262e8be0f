import { addDays, addMonths, type BusinessDate, daysBetween } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';

/**
 * The figures the receivables KPIs are made of, for one currency. A store computes them with SQL
 * over millions of rows; `kpiInputsFromItems` computes them from ledger rows for tests and small sets.
 */
export interface KpiInputs {
  readonly currency: CurrencyCode;
  readonly from: BusinessDate;
  readonly asOf: BusinessDate;
  /** Open receivables (net of credit notes) as of `asOf`. */
  readonly totalAr: bigint;
  /** Open receivables not yet due as of `asOf`. */
  readonly currentAr: bigint;
  /** Open receivables as of the day before `from`. */
  readonly beginningAr: bigint;
  /** Invoices minus credit notes issued in [from, asOf]. */
  readonly creditSales: bigint;
  /** Net sales per month-long window back from `asOf`, most recent first (for countback DSO). */
  readonly monthlySales: readonly { readonly from: BusinessDate; readonly to: BusinessDate; readonly sales: bigint }[];
}

export interface Kpis {
  readonly currency: CurrencyCode;
  readonly from: BusinessDate;
  readonly asOf: BusinessDate;
  readonly periodDays: number;
  readonly totalAr: bigint;
  readonly overdueAr: bigint;
  readonly creditSales: bigint;
  readonly dso: number | null;
  readonly countbackDso: number | null;
  readonly bestPossibleDso: number | null;
  readonly averageDaysDelinquent: number | null;
  readonly cei: number | null;
  readonly overduePercent: number | null;
}

/** a / b; null when the base is not positive (no sales, nothing collectible): such a ratio means nothing. */
const ratio = (a: bigint, b: bigint): number | null => (b <= 0n ? null : Number(a) / Number(b));
const round1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

/**
 * Calendar-month-long windows ending on `asOf`, most recent first: (asOf + 1 day − 1 month) … asOf, then the
 * month before. On a month-end they are the calendar months: 2026-06-30 gives 06-01 … 06-30, 05-01 … 05-31.
 */
export function monthWindows(asOf: BusinessDate, count: number): { from: BusinessDate; to: BusinessDate }[] {
  const next = addDays(asOf, 1);
  const out: { from: BusinessDate; to: BusinessDate }[] = [];
  for (let k = 0; k < count; k++) {
    out.push({ from: addMonths(next, -(k + 1)), to: addDays(addMonths(next, -k), -1) });
  }
  return out;
}

/**
 * Countback DSO: walk back month by month from `asOf`, taking whole months while the receivables
 * exceed that month's sales, then the fraction of the last month they cover.
 */
export function countbackDso(totalAr: bigint, monthly: KpiInputs['monthlySales']): number | null {
  if (totalAr <= 0n) return totalAr === 0n ? 0 : null;
  let left = totalAr;
  let days = 0;
  for (const m of monthly) {
    const len = daysBetween(m.from, m.to) + 1;
    if (m.sales <= 0n) {
      days += len;
      continue;
    }
    if (left > m.sales) {
      left -= m.sales;
      days += len;
    } else {
      return days + (Number(left) / Number(m.sales)) * len;
    }
  }
  return null;
}

/** DSO, best possible DSO, ADD, CEI and overdue % (ratios rounded to one decimal for display). */
export function computeKpis(i: KpiInputs): Kpis {
  const periodDays = daysBetween(i.from, i.asOf) + 1;
  const overdueAr = i.totalAr - i.currentAr;
  const dso = (() => {
    const r = ratio(i.totalAr, i.creditSales);
    return r === null ? null : r * periodDays;
  })();
  const bpdso = (() => {
    const r = ratio(i.currentAr, i.creditSales);
    return r === null ? null : r * periodDays;
  })();
  const ceiDen = i.beginningAr + i.creditSales - i.currentAr;
  const cei = ratio(i.beginningAr + i.creditSales - i.totalAr, ceiDen);
  return {
    currency: i.currency,
    from: i.from,
    asOf: i.asOf,
    periodDays,
    totalAr: i.totalAr,
    overdueAr,
    creditSales: i.creditSales,
    dso: round1(dso),
    countbackDso: round1(countbackDso(i.totalAr, i.monthlySales)),
    bestPossibleDso: round1(bpdso),
    averageDaysDelinquent: dso === null || bpdso === null ? null : round1(dso - bpdso),
    cei: round1(cei === null ? null : cei * 100),
    overduePercent: round1(i.totalAr <= 0n ? null : (Number(overdueAr) / Number(i.totalAr)) * 100),
  };
}
