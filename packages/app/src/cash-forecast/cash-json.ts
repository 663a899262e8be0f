import { type CashFigure, type CashPeriod, type CurrencyCode, toDecimalString } from '@credence/core';
import type { CashBacktest } from './backtest-cash';
import type { CashAccuracy } from './cash-accuracy';
import type { CashForecastView } from './forecast-cash';

const text = (a: bigint, c: CurrencyCode) => toDecimalString({ amount: a, currency: c });

function periodJson(p: CashPeriod, f: CashFigure | undefined, c: CurrencyCode, sources: boolean) {
  const z = { low: 0n, mid: 0n, high: 0n, sources: { promise: 0n, plan: 0n, predicted: 0n, indemnity: 0n } };
  const x = f ?? z;
  return {
    label: p.label,
    start: p.start as string,
    end: p.end as string,
    low: text(x.low, c),
    mid: text(x.mid, c),
    high: text(x.high, c),
    ...(sources
      ? {
          sources: {
            promise: text(x.sources.promise, c),
            plan: text(x.sources.plan, c),
            predicted: text(x.sources.predicted, c),
            indemnity: text(x.sources.indemnity, c),
          },
        }
      : {}),
  };
}

/**
 * The cash forecast as `forecast cash --format json` prints it and `GET /forecast/cash` answers it: amounts as
 * decimal strings in `currency`; `weeks` then `months`, each with its band and the mid by source.
 */
export function cashForecastJson(v: CashForecastView) {
  const c = v.currency;
  const of = (kind: 'week' | 'month', figures: readonly (CashFigure | undefined)[], sources: boolean) =>
    v.periods.flatMap((p, i) => (p.kind === kind ? [periodJson(p, figures[i], c, sources)] : []));
  return {
    asOf: v.asOf as string,
    currency: c as string,
    method: v.method,
    ...(v.stored !== undefined ? { stored: v.stored } : {}),
    weeks: of('week', v.figures, true),
    months: of('month', v.figures, true),
    beyond: text(v.beyond, c),
    expected: text(v.expected, c),
    ...(v.groups !== undefined
      ? {
          groups: v.groups.map((g) => ({
            key: g.key,
            weeks: of('week', g.figures, false),
            months: of('month', g.figures, false),
            beyond: text(g.beyond, c),
            expected: text(g.expected, c),
          })),
        }
      : {}),
  };
}

const ratio = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

/** Forecast against actual per past week, as `forecast accuracy --format json` and `GET /forecast/cash/accuracy`. */
export function cashAccuracyJson(a: CashAccuracy) {
  const c = a.currency;
  return {
    asOf: a.asOf as string,
    currency: c as string | null,
    weeks: a.weeks.map((w) => ({
      label: w.label,
      start: w.start as string,
      end: w.end as string,
      forecastAsOf: w.forecastAsOf as string,
      low: text(w.low, c as CurrencyCode),
      mid: text(w.mid, c as CurrencyCode),
      high: text(w.high, c as CurrencyCode),
      actual: text(w.actual, c as CurrencyCode),
      error: text(w.error, c as CurrencyCode),
      absPctError: ratio(w.absPctError),
      withinBand: w.withinBand,
    })),
    wape: ratio(a.wape),
    withinBand: ratio(a.withinBand),
  };
}

/** The cash forecast's backtest: accuracy per week ahead over the replayed as-of dates. */
export function cashBacktestJson(b: CashBacktest) {
  return {
    from: b.from as string,
    to: b.to as string,
    step: b.step,
    currency: b.currency as string,
    method: b.method,
    runs: b.runs,
    horizons: b.horizons.map((h) => ({
      week: h.week,
      scored: h.scored,
      forecast: text(h.forecast, b.currency),
      actual: text(h.actual, b.currency),
      wape: ratio(h.wape),
      withinBand: ratio(h.withinBand),
    })),
    wape: ratio(b.wape),
    withinBand: ratio(b.withinBand),
  };
}
