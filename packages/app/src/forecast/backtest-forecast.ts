import {
  type Backtest,
  type BusinessDate,
  backtestForecast,
  type Failure,
  fail,
  indexHistory,
  ok,
  type Result,
  trainForecast,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { loadHistory } from './history';

/**
 * Trains on the ledger as of `trainUntil` and predicts every invoice issued after it (up to `to`, default
 * the last one), each as of its issue date: only invoices settled before that day count as history.
 * Actual payment dates are those known as of `to` (or of the last issue date, when no `to` is given).
 */
export async function backtestPaymentForecast(
  store: LedgerReads,
  trainUntil: BusinessDate,
  to: BusinessDate | undefined,
  today: BusinessDate,
): Promise<Result<Backtest, Failure>> {
  if (to !== undefined && to <= trainUntil) return fail('invalid_argument', { reason: 'to_not_after_train_until' });
  const history = await loadHistory(store, to !== undefined && to > today ? to : today);
  const training = history.filter((h) => h.issueDate <= trainUntil);
  if (!training.some((h) => h.settledDate !== undefined && h.settledDate <= trainUntil))
    return fail('invalid_argument', { reason: 'no_settled_invoices', until: trainUntil });
  const index = indexHistory(history);
  const model = trainForecast(index, trainUntil);
  return ok(backtestForecast(model, index, to));
}
