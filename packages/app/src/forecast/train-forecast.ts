import { type BusinessDate, type Failure, fail, indexHistory, ok, type Result, trainForecast } from '@credence/core';
import type { Store } from '../ports';
import { loadHistory } from './history';
import type { StoredForecastModel } from './ports';

export interface TrainSummary {
  readonly id: number;
  readonly trainedUntil: BusinessDate;
  readonly rows: number;
}

/**
 * Trains the payment-date model on the ledger as of `until` (invoices issued and settled by then, each
 * described as of its issue date) and stores it; `forecast backtest` and the outlook read the last one.
 */
export async function trainPaymentForecast(
  store: Store,
  until: BusinessDate,
  by: string,
): Promise<Result<TrainSummary, Failure>> {
  const history = await loadHistory(store, until);
  const index = indexHistory(history);
  if (!history.some((h) => h.settledDate !== undefined))
    return fail('invalid_argument', { reason: 'no_settled_invoices', until });
  const model = trainForecast(index, until);
  const stored: StoredForecastModel = await store.transact((tx) =>
    tx.appendForecastModel({ trainedUntil: until, model, by }),
  );
  return ok({ id: stored.id, trainedUntil: until, rows: model.training.rows ?? 0 });
}
