import type { BusinessDate } from '../calendar';

/** An invoice as the forecast sees it: what was known on its issue date. */
export interface ForecastInvoice {
  readonly number: string;
  readonly buyerId: string;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  /** Face value in major units of its currency (a feature, never summed as money). */
  readonly amount: number;
  readonly disputed: boolean;
  readonly paperless: boolean;
  readonly country?: string | undefined;
}

/** An invoice with the date it was settled in full, if it was (by the ledger's as-of date). */
export interface HistoryInvoice extends ForecastInvoice {
  readonly settledDate?: BusinessDate | undefined;
}
