import {
  accuracySummary,
  type BusinessDate,
  type CurrencyCode,
  type Failure,
  isoWeekLabel,
  ok,
  type Result,
  type WeekAccuracy,
  weekAccuracy,
} from '@credence/core';
import type { StoredCashForecast } from '../forecast/ports';
import type { LedgerReads } from '../ports';
import { receiptsIn } from './receipts';

export interface CashAccuracyWeek extends WeekAccuracy {
  readonly label: string;
  /** The stored forecast the week is scored from, and its as-of date. */
  readonly forecastId: number;
  readonly forecastAsOf: BusinessDate;
}

export interface CashAccuracy {
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode | null;
  readonly weeks: readonly CashAccuracyWeek[];
  /** Σ |actual − mid| / Σ actual over the weeks. */
  readonly wape: number | null;
  /** Share of the weeks whose actual fell in the band. */
  readonly withinBand: number | null;
}

/** The run a week is scored from: the latest made before the week began, else the latest made during it. */
function runFor(runs: readonly StoredCashForecast[], start: BusinessDate, end: BusinessDate) {
  const before = runs.filter((r) => r.asOf < start);
  const during = runs.filter((r) => r.asOf >= start && r.asOf <= end);
  const pick = (xs: readonly StoredCashForecast[]) =>
    xs.reduce<StoredCashForecast | undefined>((b, r) => (b === undefined || r.asOf >= b.asOf ? r : b), undefined);
  return pick(before) ?? pick(during);
}

/**
 * Forecast against actual for every week over by `asOf` that a stored `forecast cash` run covered
 * (docs/domain/cash-forecast.md): the actual receipts are the payments dated in the week, not reversed,
 * converted at the forecast's as-of rate.
 */
export async function cashForecastAccuracy(
  store: LedgerReads,
  q: { readonly asOf: BusinessDate; readonly currency?: CurrencyCode },
): Promise<Result<CashAccuracy, Failure>> {
  const all = await store.cashForecastRuns();
  const currency = q.currency ?? all.filter((r) => r.asOf <= q.asOf).at(-1)?.currency;
  if (currency === undefined) return ok({ asOf: q.asOf, currency: null, weeks: [], wape: null, withinBand: null });
  const runs = all.filter((r) => r.currency === currency && r.asOf <= q.asOf);
  const starts = new Map<string, BusinessDate>();
  for (const r of runs) for (const w of r.weeks) if (w.end < q.asOf) starts.set(w.start, w.end);
  const sorted = [...starts].sort(([a], [b]) => (a < b ? -1 : 1));
  if (sorted.length === 0) return ok({ asOf: q.asOf, currency, weeks: [], wape: null, withinBand: null });
  const receipts = await store.receiptsBetween(sorted[0]?.[0] as BusinessDate, sorted.at(-1)?.[1] as BusinessDate);
  const rates = await store.fxRates();
  const weeks: CashAccuracyWeek[] = [];
  for (const [start, end] of sorted) {
    const run = runFor(runs, start as BusinessDate, end);
    const w = run?.weeks.find((x) => x.start === start);
    if (run === undefined || w === undefined) continue;
    // Only what came in from the forecast's date on: a run made during the week forecast the rest of it.
    const actual = receiptsIn(receipts, w.start < run.asOf ? run.asOf : w.start, w.end, currency, rates, run.asOf);
    if (!actual.ok) return actual;
    weeks.push({
      label: isoWeekLabel(w.start),
      forecastId: run.id,
      forecastAsOf: run.asOf,
      ...weekAccuracy({ ...w, actual: actual.value }),
    });
  }
  const s = accuracySummary(weeks);
  return ok({ asOf: q.asOf, currency, weeks, wape: s.wape, withinBand: s.withinBand });
}
