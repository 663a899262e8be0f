import { type BusinessDate, daysBetween } from '../calendar';
import type { HistoryIndex } from './history';
import { type ForecastModel, predictPayment } from './model';

export interface BacktestInvoice {
  readonly number: string;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly predictedPayDate: BusinessDate;
  readonly actualPayDate: BusinessDate | null;
}

export interface Backtest {
  readonly trainedUntil: BusinessDate;
  readonly invoices: readonly BacktestInvoice[];
  /** Root mean square error of the predicted days to settle, over the invoices settled by now; null if none. */
  readonly rmseDays: number | null;
  /** Share of settled invoices whose late / on-time (paid after the due date or not) was predicted right. */
  readonly lateAccuracy: number | null;
}

/**
 * Predicts every invoice issued after `model.trainedUntil` (up to `to`), each as of its issue date, and
 * compares with when it was paid.
 */
export function backtestForecast(model: ForecastModel, index: HistoryIndex, to?: BusinessDate): Backtest {
  const rows: BacktestInvoice[] = [];
  for (const list of index.invoices.values()) {
    for (const it of list) {
      if (it.issueDate <= model.trainedUntil || (to !== undefined && it.issueDate > to)) continue;
      const p = predictPayment(model, index, it, it.issueDate);
      rows.push({
        number: it.number,
        issueDate: it.issueDate,
        dueDate: it.dueDate,
        predictedPayDate: p.predictedPayDate,
        actualPayDate: it.settledDate ?? null,
      });
    }
  }
  rows.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.number < b.number ? -1 : 1));
  let se = 0;
  let right = 0;
  let n = 0;
  for (const r of rows) {
    if (r.actualPayDate === null) continue;
    n += 1;
    se += daysBetween(r.actualPayDate, r.predictedPayDate) ** 2;
    if (r.predictedPayDate > r.dueDate === r.actualPayDate > r.dueDate) right += 1;
  }
  return {
    trainedUntil: model.trainedUntil,
    invoices: rows,
    rmseDays: n === 0 ? null : Math.sqrt(se / n),
    lateAccuracy: n === 0 ? null : right / n,
  };
}
