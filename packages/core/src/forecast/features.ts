import { type BusinessDate, daysBetween } from '../calendar';
import { type HistoryIndex, type SettledFact, settledBefore } from './history';
import type { ForecastInvoice } from './types';

/** The model's inputs, in order. Each is computed from what was known on the invoice's issue date. */
export const FORECAST_FEATURES = [
  'historyCount',
  'meanDaysLate',
  'medianDaysLate',
  'recentDaysLate',
  'lastDaysLate',
  'trendDaysLate',
  'shareLate',
  'meanDaysToSettle',
  'sdDaysLate',
  'meanLateDisputed',
  'meanLateUndisputed',
  'logAmount',
  'amountRatio',
  'terms',
  'paperless',
  'disputed',
  'countryMeanLate',
  'openCount',
  'openOverdueCount',
  'oldestOpenDays',
  'daysSinceLastSettlement',
  'meanLateSameDispute',
  'meanLateSamePaperless',
  'meanLateSameBoth',
  'shareDisputed',
] as const;

export type ForecastFeature = (typeof FORECAST_FEATURES)[number];

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function sd(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

const RECENT = 3;

/** What the buyer's settled history says as of a date: the no-training baseline reads it too. */
export interface BuyerHistory {
  readonly count: number;
  readonly meanDaysLate: number;
}

export function buyerHistory(index: HistoryIndex, buyerId: string, asOf: BusinessDate): BuyerHistory {
  const past = settledBefore(index, buyerId, asOf);
  return { count: past.length, meanDaysLate: mean(past.map((f) => f.daysLate)) };
}

function countryMeanLate(index: HistoryIndex, country: string | undefined, asOf: BusinessDate): number {
  if (country === undefined) return Number.NaN;
  let sum = 0;
  let n = 0;
  for (const f of index.all) {
    if (f.settledDate >= asOf) break;
    if (f.country === country) {
      sum += f.daysLate;
      n += 1;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

function openAt(index: HistoryIndex, item: ForecastInvoice, asOf: BusinessDate): number[] {
  const ages: number[] = [];
  for (const other of index.invoices.get(item.buyerId) ?? []) {
    if (other.number === item.number || other.issueDate >= asOf) continue;
    if (other.settledDate !== undefined && other.settledDate < asOf) continue;
    ages.push(daysBetween(other.dueDate, asOf));
  }
  return ages;
}

/** The feature row of an invoice as of a date (its issue date for training and backtests); NaN = unknown. */
export function featureRow(index: HistoryIndex, item: ForecastInvoice, asOf: BusinessDate): number[] {
  const past = settledBefore(index, item.buyerId, asOf);
  const late = past.map((f) => f.daysLate);
  const recent = late.slice(-RECENT);
  const older = late.slice(0, -RECENT);
  const amounts = past.map((f) => f.amount);
  const disputedLate = past.filter((f) => f.disputed).map((f) => f.daysLate);
  const undisputedLate = past.filter((f) => !f.disputed).map((f) => f.daysLate);
  const open = openAt(index, item, asOf);
  const last: SettledFact | undefined = past[past.length - 1];
  const meanAmount = mean(amounts);
  return [
    past.length,
    mean(late),
    median(late),
    mean(recent),
    last === undefined ? Number.NaN : last.daysLate,
    older.length === 0 ? Number.NaN : mean(recent) - mean(older),
    past.length === 0 ? Number.NaN : late.filter((d) => d > 0).length / past.length,
    mean(past.map((f) => f.daysToSettle)),
    sd(late),
    mean(disputedLate),
    mean(undisputedLate),
    Math.log1p(Math.max(0, item.amount)),
    Number.isNaN(meanAmount) || meanAmount <= 0 ? Number.NaN : item.amount / meanAmount,
    daysBetween(item.issueDate, item.dueDate),
    item.paperless ? 1 : 0,
    item.disputed ? 1 : 0,
    countryMeanLate(index, item.country, asOf),
    open.length,
    open.filter((d) => d > 0).length,
    open.length === 0 ? 0 : Math.max(...open),
    last === undefined ? Number.NaN : daysBetween(last.settledDate, asOf),
    mean(past.filter((f) => f.disputed === item.disputed).map((f) => f.daysLate)),
    mean(past.filter((f) => f.paperless === item.paperless).map((f) => f.daysLate)),
    mean(past.filter((f) => f.disputed === item.disputed && f.paperless === item.paperless).map((f) => f.daysLate)),
    past.length === 0 ? Number.NaN : past.filter((f) => f.disputed).length / past.length,
  ];
}
