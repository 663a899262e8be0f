import {
  type BusinessDate,
  type CashFlow,
  type CashForecastParams,
  type CashForecastResult,
  type CurrencyCode,
  cashFlows,
  cashForecast,
  cashPeriods,
  DEFAULT_CASH_FORECAST_PARAMS,
  type Failure,
  type ForecastModel,
  fail,
  type HistoryIndex,
  indexHistory,
  ok,
  type Result,
} from '@credence/core';
import { asForecastModel, loadHistory } from '../forecast/history';
import type { LedgerReads, Store } from '../ports';
import { cashInputs } from './inputs';

export interface CashForecastQuery {
  readonly asOf: BusinessDate;
  /** ISO weeks (13). */
  readonly weeks?: number;
  /** Calendar months after the weeks (3). */
  readonly months?: number;
  /** Also per buyer or per currency; `week` (the default) is the totals alone. */
  readonly by?: 'buyer' | 'currency' | 'week';
  readonly currency?: CurrencyCode;
  readonly params?: CashForecastParams;
}

export interface CashForecastView extends CashForecastResult {
  /** How the dates were predicted: a stored model trained on or before the date, or the baseline. */
  readonly method: 'model' | 'baseline';
  /** The stored run's id, when it was kept. */
  readonly stored?: number;
}

/** The one currency of the flows, or the one asked for. */
function reportingCurrency(flows: readonly CashFlow[], asked: CurrencyCode | undefined): Result<CurrencyCode, Failure> {
  if (asked !== undefined) return ok(asked);
  const cs = [...new Set(flows.map((f) => f.currency))].sort();
  if (cs.length > 1) return fail('invalid_argument', { reason: 'several_currencies', currencies: cs.join(',') });
  const one = cs[0];
  if (one === undefined) return fail('invalid_argument', { reason: 'nothing_open' });
  return ok(one);
}

/** The forecast from a history index and model already loaded (the backtest replays it over many dates). */
export async function forecastCashWith(
  store: LedgerReads,
  q: CashForecastQuery,
  index: HistoryIndex,
  model: ForecastModel | undefined,
): Promise<Result<CashForecastResult, Failure>> {
  const params = q.params ?? DEFAULT_CASH_FORECAST_PARAMS;
  const inputs = await cashInputs(store, q.asOf, index, model, params.brokenWindowDays);
  const flows = cashFlows(inputs, params);
  const currency = reportingCurrency(flows, q.currency);
  if (!currency.ok) return currency;
  const by = q.by === 'buyer' || q.by === 'currency' ? q.by : undefined;
  return cashForecast(flows, {
    asOf: q.asOf,
    currency: currency.value,
    periods: cashPeriods(q.asOf, q.weeks ?? 13, q.months ?? 3),
    rates: await store.fxRates(),
    bandZ: params.bandZ,
    ...(by !== undefined ? { by } : {}),
  });
}

/** The stored payment-date model when it was trained on or before the date (a later one would know the future). */
export async function modelAsOf(store: LedgerReads, asOf: BusinessDate): Promise<ForecastModel | undefined> {
  const stored = await store.latestForecastModel();
  return stored !== undefined && stored.trainedUntil <= asOf ? asForecastModel(stored.model) : undefined;
}

/**
 * Expected collections per ISO week and then per month as of a date (docs/domain/cash-forecast.md): promises,
 * plans, predicted dates and open claims' indemnities, with low / mid / high bands, in the reporting currency.
 */
export async function forecastCash(
  store: LedgerReads,
  q: CashForecastQuery,
): Promise<Result<CashForecastView, Failure>> {
  const index = indexHistory(await loadHistory(store, q.asOf));
  const model = await modelAsOf(store, q.asOf);
  const r = await forecastCashWith(store, q, index, model);
  if (!r.ok) return r;
  return ok({ ...r.value, method: model !== undefined ? 'model' : 'baseline' });
}

/** `forecast cash` as run: the forecast, and its weekly figures kept for forecast-against-actual (migration 076). */
export async function runCashForecast(
  store: Store,
  q: CashForecastQuery,
  by: string,
): Promise<Result<CashForecastView, Failure>> {
  const r = await forecastCash(store, q);
  if (!r.ok) return r;
  const v = r.value;
  const weeks = v.periods.flatMap((p, i) => {
    const f = v.figures[i];
    return p.kind === 'week' && f !== undefined
      ? [{ start: p.start, end: p.end, low: f.low, mid: f.mid, high: f.high }]
      : [];
  });
  const stored = await store.transact((tx) =>
    tx.appendCashForecast({ asOf: v.asOf, currency: v.currency, method: v.method, weeks, by }),
  );
  return ok({ ...v, stored: stored.id });
}
