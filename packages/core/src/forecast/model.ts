import { addDays, type BusinessDate, daysBetween } from '../calendar';
import type { Tree } from '../scoring/model';
import { buyerHistory, FORECAST_FEATURES, featureRow } from './features';
import type { HistoryIndex } from './history';
import { DEFAULT_REGRESSION, predictRegression, type RegressionParams, trainRegression } from './regress';
import type { ForecastInvoice } from './types';

/** A trained payment-date model as plain JSON: boosted trees on days late, and its residuals for the odds. */
export interface ForecastModel {
  readonly format: 'credence-forecast/1';
  readonly trainedUntil: BusinessDate;
  readonly features: readonly string[];
  /** Buyers with fewer settled invoices than this get the baseline (due date + their average delay). */
  readonly minHistory: number;
  readonly base: number;
  readonly trees: readonly Tree[];
  /** Training residuals (actual − predicted days late), sorted, at most 101 quantiles. */
  readonly residuals: readonly number[];
  readonly training: Readonly<Record<string, number>>;
}

export interface ForecastOptions {
  readonly minHistory: number;
  readonly params: Partial<RegressionParams>;
}

export const DEFAULT_FORECAST: ForecastOptions = { minHistory: 3, params: {} };

function quantiles(sorted: readonly number[], count: number): number[] {
  if (sorted.length <= count) return [...sorted];
  return Array.from({ length: count }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (count - 1))] as number);
}

/**
 * Trains on the ledger as of `until`: every invoice issued and settled by then, each described as of its
 * issue date (only invoices settled before that day count as its buyer's history).
 */
export function trainForecast(
  index: HistoryIndex,
  until: BusinessDate,
  options: Partial<ForecastOptions> = {},
): ForecastModel {
  const o = { ...DEFAULT_FORECAST, ...options };
  const rows: number[][] = [];
  const targets: number[] = [];
  for (const list of index.invoices.values()) {
    for (const it of list) {
      if (it.issueDate > until || it.settledDate === undefined || it.settledDate > until) continue;
      const row = featureRow(index, it, it.issueDate);
      rows.push(row);
      targets.push(daysBetween(it.dueDate, it.settledDate));
    }
  }
  if (rows.length === 0) throw new RangeError('no invoice was settled by the training date');
  const params = { ...DEFAULT_REGRESSION, ...o.params };
  const trees = trainRegression(rows, targets, FORECAST_FEATURES.length, params);
  const residuals = rows.map((r, i) => (targets[i] as number) - predictRegression(trees, r)).sort((a, b) => a - b);
  return {
    format: 'credence-forecast/1',
    trainedUntil: until,
    features: [...FORECAST_FEATURES],
    minHistory: o.minHistory,
    base: trees.base,
    trees: trees.trees,
    residuals: quantiles(residuals, 101),
    training: {
      rows: rows.length,
      trees: params.trees,
      learningRate: params.learningRate,
      maxDepth: params.maxDepth,
      minChildWeight: params.minChildWeight,
      lambda: params.lambda,
    },
  };
}

/** The model's expected days late for a feature row. */
export function predictLate(model: ForecastModel, row: ArrayLike<number>): number {
  return predictRegression(model, row);
}

export interface PaymentPrediction {
  readonly number: string;
  readonly expectedDaysLate: number;
  readonly predictedPayDate: BusinessDate;
  readonly method: 'model' | 'baseline';
}

/** The baseline that needs no training: the due date plus the buyer's average delay (0 without history). */
export function baselineDaysLate(index: HistoryIndex, item: ForecastInvoice, asOf: BusinessDate): number {
  const h = buyerHistory(index, item.buyerId, asOf);
  return h.count === 0 ? 0 : h.meanDaysLate;
}

/** The expected payment date of an invoice as of a date; without a model, the baseline. */
export function predictPayment(
  model: ForecastModel | undefined,
  index: HistoryIndex,
  item: ForecastInvoice,
  asOf: BusinessDate,
): PaymentPrediction {
  const thin = model === undefined || buyerHistory(index, item.buyerId, asOf).count < model.minHistory;
  const late =
    model === undefined || thin
      ? baselineDaysLate(index, item, asOf)
      : predictLate(model, featureRow(index, item, asOf));
  const days = Math.round(late);
  return {
    number: item.number,
    expectedDaysLate: late,
    predictedPayDate: addDays(item.dueDate, days),
    method: thin ? 'baseline' : 'model',
  };
}
