import {
  accuracySummary,
  addDays,
  type BusinessDate,
  type CashForecastParams,
  type CurrencyCode,
  type Failure,
  type ForecastModel,
  fail,
  indexHistory,
  ok,
  type Result,
  trainForecast,
  type WeekOutcome,
} from '@credence/core';
import { loadHistory } from '../forecast/history';
import type { LedgerReads } from '../ports';
import { forecastCashWith } from './forecast-cash';
import { receiptsIn } from './receipts';

export interface CashBacktestQuery {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  /** Days between as-of dates (7). */
  readonly step?: number;
  readonly weeks?: number;
  /** The last day whose receipts are known (weeks ending after it are not scored): today. */
  readonly until: BusinessDate;
  readonly currency?: CurrencyCode;
  readonly params?: CashForecastParams;
}

/** Accuracy of the k-th week ahead over every replayed as-of date. */
export interface CashHorizonAccuracy {
  /** 1 = the week holding the as-of date. */
  readonly week: number;
  readonly scored: number;
  readonly forecast: bigint;
  readonly actual: bigint;
  readonly wape: number | null;
  readonly withinBand: number | null;
}

export interface CashBacktest {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  readonly step: number;
  readonly currency: CurrencyCode;
  readonly method: 'model' | 'baseline';
  /** The as-of dates replayed. */
  readonly runs: number;
  readonly horizons: readonly CashHorizonAccuracy[];
  /** Over every scored week of every run. */
  readonly wape: number | null;
  readonly withinBand: number | null;
}

/**
 * Replays the cash forecast as of `from`, `from + step` … `to` on the ledger's history, each from what was
 * known that day (the payment-date model trained on the ledger as of `from`, else the baseline), and scores
 * each week ahead against the payments received in it. Nothing is stored.
 */
export async function backtestCashForecast(
  store: LedgerReads,
  q: CashBacktestQuery,
): Promise<Result<CashBacktest, Failure>> {
  const step = q.step ?? 7;
  const weeks = q.weeks ?? 13;
  if (q.to < q.from) return fail('invalid_argument', { reason: 'to_before_from' });
  if (step < 1) return fail('invalid_argument', { reason: 'step' });
  const history = await loadHistory(store, q.until > q.to ? q.until : q.to);
  const index = indexHistory(history);
  let model: ForecastModel | undefined;
  if (history.some((h) => h.settledDate !== undefined && h.settledDate <= q.from && h.issueDate <= q.from))
    model = trainForecast(index, q.from);
  const receipts = await store.receiptsBetween(addDays(q.from, -7), q.until);
  const rates = await store.fxRates();
  const byHorizon: WeekOutcome[][] = Array.from({ length: weeks }, () => []);
  let currency = q.currency;
  let runs = 0;
  for (let d = q.from; d <= q.to; d = addDays(d, step)) {
    const r = await forecastCashWith(
      store,
      {
        asOf: d,
        weeks,
        months: 0,
        ...(currency !== undefined ? { currency } : {}),
        ...(q.params ? { params: q.params } : {}),
      },
      index,
      model,
    );
    if (!r.ok) {
      if (r.error.params?.reason === 'nothing_open') continue;
      return r;
    }
    runs++;
    currency = r.value.currency;
    for (let k = 0; k < r.value.periods.length; k++) {
      const p = r.value.periods[k];
      const f = r.value.figures[k];
      if (p === undefined || f === undefined || p.end > q.until) continue;
      const actual = receiptsIn(receipts, p.start < d ? d : p.start, p.end, r.value.currency, rates, d);
      if (!actual.ok) return actual;
      byHorizon[k]?.push({ start: p.start, end: p.end, low: f.low, mid: f.mid, high: f.high, actual: actual.value });
    }
  }
  if (currency === undefined) return fail('invalid_argument', { reason: 'nothing_open' });
  const horizons = byHorizon.map((ws, i) => {
    const s = accuracySummary(ws);
    return {
      week: i + 1,
      scored: ws.length,
      forecast: ws.reduce((a, w) => a + w.mid, 0n),
      actual: ws.reduce((a, w) => a + w.actual, 0n),
      wape: s.wape,
      withinBand: s.withinBand,
    };
  });
  const all = accuracySummary(byHorizon.flat());
  return ok({
    from: q.from,
    to: q.to,
    step,
    currency,
    method: model !== undefined ? 'model' : 'baseline',
    runs,
    horizons,
    wape: all.wape,
    withinBand: all.withinBand,
  });
}
