import { addDays, type BusinessDate, daysBetween } from '../calendar/date';
import { type Fraction, parseFraction } from '../ecl/loss-rate';
import { provisionMatrix } from '../ecl/provision-matrix';
import { COUNTBACK_MONTHS } from '../kpis/inputs-from-items';
import { computeKpis, type Kpis, monthWindows } from '../kpis/kpis';
import type { CurrencyCode } from '../money/currency';
import { fail, ok, type Result } from '../result';
import type { ReplayedInvoice } from './replay';

/** The aging buckets of the simulator's expected loss, and IFRS 9's illustrative rates for them (the default). */
export const SIM_BUCKETS = ['not_due', '1-30', '31-60', '61-90', '90+'] as const;
const rate = (s: string): Fraction => {
  const f = parseFraction(s);
  if (!f.ok) throw new Error(s);
  return f.value;
};
export const DEFAULT_SIM_LOSS_RATES: Readonly<Record<string, Fraction>> = {
  not_due: rate('0.3%'),
  '1-30': rate('1.6%'),
  '31-60': rate('3.6%'),
  '61-90': rate('6.6%'),
  '90+': rate('10.6%'),
};

export interface SimFigures {
  readonly kpis: Kpis;
  /** Invoices sold (issued and not refused) in [from, asOf]. */
  readonly sales: bigint;
  /** Invoices issued in [from, asOf] that the scenario refused (limit, default). */
  readonly refusedSales: bigint;
  /** Paid in [from, asOf]. */
  readonly collected: bigint;
  /** Open as of asOf per bucket, and the lifetime expected loss of the provision matrix (defaulted items at 100 %). */
  readonly exposure: readonly { readonly label: string; readonly exposure: bigint; readonly provision: bigint }[];
  readonly expectedLoss: bigint;
}

export interface SimWeek {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  readonly collected: bigint;
}

const sold = (xs: readonly ReplayedInvoice[]) => xs.filter((x) => x.refused === undefined);
const openOn = (x: ReplayedInvoice, d: BusinessDate) =>
  x.issueDate <= d && (x.settledOn === undefined || x.settledOn > d);

function bucketOf(x: ReplayedInvoice, asOf: BusinessDate): string {
  if (x.defaulted) return 'default';
  const late = daysBetween(x.dueDate, asOf);
  return late <= 0 ? 'not_due' : late <= 30 ? '1-30' : late <= 60 ? '31-60' : late <= 90 ? '61-90' : '90+';
}

/** DSO, overdue %, CEI (core `computeKpis`), sales, cash collected and expected loss of a replayed history. */
export function simFigures(
  all: readonly ReplayedInvoice[],
  currency: CurrencyCode,
  from: BusinessDate,
  asOf: BusinessDate,
  rates: Readonly<Record<string, Fraction>>,
): Result<SimFigures> {
  const xs = sold(all);
  const sum = (ys: readonly ReplayedInvoice[]) => ys.reduce((s, y) => s + y.amount, 0n);
  const before = addDays(from, -1);
  const open = xs.filter((x) => openOn(x, asOf));
  const salesIn = (a: BusinessDate, b: BusinessDate) => sum(xs.filter((x) => x.issueDate >= a && x.issueDate <= b));
  const kpis = computeKpis({
    currency,
    from,
    asOf,
    totalAr: sum(open),
    currentAr: sum(open.filter((x) => x.dueDate >= asOf)),
    beginningAr: sum(xs.filter((x) => openOn(x, before))),
    creditSales: salesIn(from, asOf),
    monthlySales: monthWindows(asOf, COUNTBACK_MONTHS).map((w) => ({ ...w, sales: salesIn(w.from, w.to) })),
  });
  const labels = [...SIM_BUCKETS, 'default'];
  const buckets = labels.map((label) => ({
    label,
    exposure: sum(open.filter((x) => bucketOf(x, asOf) === label)),
  }));
  for (const l of SIM_BUCKETS)
    if (rates[l] === undefined) return fail('missing_field', { field: 'lossRates', label: l });
  const m = provisionMatrix(buckets, { ...rates, default: { num: 1n, den: 1n } });
  if (!m.ok) return m;
  return ok({
    kpis,
    sales: salesIn(from, asOf),
    refusedSales: sum(all.filter((x) => x.refused !== undefined && x.issueDate >= from && x.issueDate <= asOf)),
    collected: sum(xs.filter((x) => x.settledOn !== undefined && x.settledOn >= from && x.settledOn <= asOf)),
    exposure: m.value.buckets.map((b) => ({ label: b.label, exposure: b.exposure, provision: b.provision })),
    expectedLoss: m.value.total,
  });
}

/** Cash collected per week: `weeks` seven-day weeks ending on asOf, oldest first. */
export function simWeeks(all: readonly ReplayedInvoice[], asOf: BusinessDate, weeks: number): SimWeek[] {
  const out: SimWeek[] = [];
  for (let k = weeks - 1; k >= 0; k--) {
    const to = addDays(asOf, -7 * k);
    const from = addDays(to, -6);
    const collected = sold(all)
      .filter((x) => x.settledOn !== undefined && x.settledOn >= from && x.settledOn <= to)
      .reduce((s, x) => s + x.amount, 0n);
    out.push({ from, to, collected });
  }
  return out;
}
