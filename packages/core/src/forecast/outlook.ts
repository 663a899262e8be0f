import { addDays, type BusinessDate, daysBetween } from '../calendar';
import type { HistoryIndex } from './history';
import { type ForecastModel, predictPayment } from './model';
import type { ForecastInvoice } from './types';

/** An open item's outlook as of a date: when it is expected to be paid, and the odds within 30/60/90 days. */
export interface PaymentOutlook {
  readonly number: string;
  readonly expectedPayDate: BusinessDate;
  readonly within30: number;
  readonly within60: number;
  readonly within90: number;
  readonly method: 'model' | 'baseline';
}

/** Residual spread when there is no model: ± a week around the baseline. */
const BASELINE_SPREAD: readonly number[] = Array.from({ length: 15 }, (_, i) => i - 7);

/**
 * The equally likely payment dates of an item still unpaid on `asOf`: its due date plus the predicted days late
 * plus each residual of the model (± 7 days around the baseline). The item is known unpaid on `asOf`, so dates
 * before it are dropped (the distribution conditioned on payment from `asOf` on); when none is left, the item is
 * expected evenly over the next four weeks (`asOf`, +7, +14, +21).
 */
export function paymentDates(
  model: ForecastModel | undefined,
  index: HistoryIndex,
  item: ForecastInvoice,
  asOf: BusinessDate,
): BusinessDate[] {
  const p = predictPayment(model, index, item, asOf);
  const spread = model === undefined || p.method === 'baseline' ? BASELINE_SPREAD : model.residuals;
  const lateToday = daysBetween(item.dueDate, asOf);
  const later = spread.map((r) => Math.round(p.expectedDaysLate + r)).filter((d) => d >= lateToday);
  if (later.length === 0) return [0, 7, 14, 21].map((k) => addDays(asOf, k));
  return later.map((d) => addDays(item.dueDate, d));
}

/**
 * The predicted days late plus the model's training residuals give a distribution of payment dates;
 * the item is still unpaid on `asOf`, so it is conditioned on payment from `asOf` on. Past every
 * residual, the item is expected today and the odds are those of the last residual band (1).
 */
export function paymentOutlook(
  model: ForecastModel | undefined,
  index: HistoryIndex,
  item: ForecastInvoice,
  asOf: BusinessDate,
): PaymentOutlook {
  const p = predictPayment(model, index, item, asOf);
  const spread = model === undefined || p.method === 'baseline' ? BASELINE_SPREAD : model.residuals;
  const lateToday = daysBetween(item.dueDate, asOf);
  const outcomes = spread.map((r) => Math.max(lateToday, Math.round(p.expectedDaysLate + r)));
  const share = (k: number): number => outcomes.filter((d) => d <= lateToday + k).length / outcomes.length;
  const mean = outcomes.reduce((a, b) => a + b, 0) / outcomes.length;
  return {
    number: item.number,
    expectedPayDate: addDays(item.dueDate, Math.round(mean)),
    within30: share(30),
    within60: share(60),
    within90: share(90),
    method: p.method,
  };
}
