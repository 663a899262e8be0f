/**
 * Rows of the canonical import CSV files (docs/import.md), every field a string exactly as it would
 * appear in the file; an empty string is an empty cell.
 */
export const BUYER_COLUMNS = [
  'buyer_id',
  'name',
  'country',
  'currency',
  'payment_terms_days',
  'legal_id',
  'industry',
  'group_id',
  'language',
  'email',
  'sales_owner',
  'collector',
] as const;

export const INVOICE_COLUMNS = [
  'document_number',
  'buyer_id',
  'issue_date',
  'due_date',
  'amount',
  'currency',
  'type',
  'delivery_date',
  'order_ref',
  'applies_to',
] as const;

export const PAYMENT_COLUMNS = [
  'payment_id',
  'buyer_id',
  'payment_date',
  'amount',
  'currency',
  'document_number',
] as const;

export const FX_RATE_COLUMNS = ['date', 'from_currency', 'to_currency', 'rate'] as const;

type Row<C extends readonly string[]> = { readonly [K in C[number]]: string };

export type BuyerRow = Row<typeof BUYER_COLUMNS>;
export type InvoiceRow = Row<typeof INVOICE_COLUMNS>;
export type PaymentRow = Row<typeof PAYMENT_COLUMNS>;
export type FxRateRow = Row<typeof FX_RATE_COLUMNS>;

/** How a buyer pays. The special profiles make the demo's risk stories visible. */
export type BehaviourProfile =
  | 'on_time'
  | 'slow'
  | 'chronic_late'
  | 'deteriorating'
  | 'stopped_paying'
  | 'dispute_prone';

export interface BuyerProfileRow {
  readonly buyer_id: string;
  readonly profile: BehaviourProfile;
}

/** One buyer's documents and payments, each list in date order. */
export interface LedgerChunk {
  readonly buyerId: string;
  readonly documents: readonly InvoiceRow[];
  readonly payments: readonly PaymentRow[];
}
