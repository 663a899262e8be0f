import type { BusinessDate, CurrencyCode } from '@credence/core';

/** One invoice of the ledger as the payment forecast reads it, as of a date. */
export interface PaymentHistoryRow {
  readonly number: string;
  readonly buyerId: string;
  readonly country: string;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly disputed?: boolean;
  readonly paperless?: boolean;
  /** The date its balance reached zero for good, if that is on or before the as-of date. */
  readonly settledOn?: BusinessDate;
}

/** A trained payment-date model as stored (`forecast train`). */
export interface StoredForecastModel {
  readonly id: number;
  readonly trainedUntil: BusinessDate;
  readonly model: unknown;
  readonly by: string;
  readonly recordedAt: Date;
}

/** One week of a stored cash forecast (minor units of the run's currency). */
export interface StoredCashWeek {
  readonly start: BusinessDate;
  readonly end: BusinessDate;
  readonly low: bigint;
  readonly mid: bigint;
  readonly high: bigint;
}

/** A `forecast cash` run as stored (migration 076): its as-of date, currency, method and weekly figures. */
export interface StoredCashForecast {
  readonly id: number;
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode;
  /** `model` (a stored payment-date model) or `baseline`. */
  readonly method: string;
  readonly weeks: readonly StoredCashWeek[];
  readonly by: string;
  readonly recordedAt: Date;
}

/** Cash received on a day in one currency: payments dated that day and not reversed by the read's end. */
export interface DailyReceipts {
  readonly date: BusinessDate;
  readonly currency: CurrencyCode;
  readonly amount: bigint;
}

export interface ForecastReads {
  /** Payments dated in [from, to] and not reversed on or before `to`, summed per date and currency, by date. */
  receiptsBetween(from: BusinessDate, to: BusinessDate): Promise<DailyReceipts[]>;
  /** Every stored cash forecast with its weeks, oldest first. */
  cashForecastRuns(): Promise<StoredCashForecast[]>;
  /** Every invoice issued on or before the date, with its settlement date if settled by then; by number. */
  paymentHistory(asOf: BusinessDate): Promise<PaymentHistoryRow[]>;
  /** The last model stored, if any. */
  latestForecastModel(): Promise<StoredForecastModel | undefined>;
}

export interface ForecastWrites {
  appendCashForecast(r: Omit<StoredCashForecast, 'id' | 'recordedAt'>): Promise<StoredCashForecast>;
  appendForecastModel(m: Pick<StoredForecastModel, 'trainedUntil' | 'model' | 'by'>): Promise<StoredForecastModel>;
}
