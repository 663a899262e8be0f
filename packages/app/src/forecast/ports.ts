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

export interface ForecastReads {
  /** Every invoice issued on or before the date, with its settlement date if settled by then; by number. */
  paymentHistory(asOf: BusinessDate): Promise<PaymentHistoryRow[]>;
  /** The last model stored, if any. */
  latestForecastModel(): Promise<StoredForecastModel | undefined>;
}

export interface ForecastWrites {
  appendForecastModel(m: Pick<StoredForecastModel, 'trainedUntil' | 'model' | 'by'>): Promise<StoredForecastModel>;
}
