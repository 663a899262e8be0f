import type { Generated } from 'kysely';
/** Kysely table types. Money is int8 (bigint), business dates are `date` read back as 'YYYY-MM-DD'. */
export interface BuyersTable {
  id: string;
  name: string;
  legal_id: string | null;
  country: string;
  industry: string | null;
  currency: string;
  payment_terms_days: number;
  group_id: string | null;
  language: string | null;
  phone: string | null;
  /** Migration 085: credit insurance exclusions. */
  affiliate: boolean | null;
  public_buyer: boolean | null;
  email: string | null;
  sales_owner: string | null;
  collector: string | null;
  /** Migration 009. */
  address: string | null;
  interest_regime: string | null;
  interest_rate: string | null;
}

export interface DocumentsTable {
  number: string;
  buyer_id: string;
  type: 'invoice' | 'credit_note';
  issue_date: string;
  due_date: string;
  delivery_date: string | null;
  order_ref: string | null;
  amount: bigint;
  currency: string;
  idempotency_key: string;
  content_hash: string;
  /** On a credit note: the invoice it corrects (migration 002). */
  applies_to: string | null;
  /** Migration 050: the export's yes/no columns (null when not imported). */
  disputed: boolean | null;
  paperless: boolean | null;
  /** Migration 070: the VAT included in `amount` (null when not imported). */
  vat: bigint | null;
  /** Who recorded the row, when, from which file (migrations 010 and 011; recorded_by and source null on older rows). */
  recorded_by: string | null;
  recorded_at: Date | null;
  source: string | null;
}

export interface PaymentsTable {
  id: string;
  buyer_id: string;
  date: string;
  amount: bigint;
  currency: string;
  document_number: string | null;
  idempotency_key: string;
  content_hash: string;
  /** Who recorded the row, when, from which file (migration 010; null on older rows). */
  recorded_by: string | null;
  recorded_at: Date | null;
  source: string | null;
  /**
   * Read-model cache (migration 011): from this date on the payment leaves no unapplied cash (applied in
   * full, or reversed, and every row of it dated by then); null while it may leave some.
   */
  applied_on: string | null;
}

export interface AllocationsTable {
  kind: 'payment' | 'credit_note' | 'write_off';
  entry_id: string;
  document_number: string;
  buyer_id: string;
  date: string;
  delta: bigint;
  currency: string;
  /** Who recorded the row, when, from which file (migration 010; null on older rows). */
  recorded_by: string | null;
  recorded_at: Date | null;
  source: string | null;
}

export interface WriteOffsTable {
  id: string;
  document_number: string;
  date: string;
  amount: bigint;
  reason: string;
  idempotency_key: string;
  content_hash: string;
  /** Who recorded the row, when, from which file (migration 010; null on older rows). */
  recorded_by: string | null;
  recorded_at: Date | null;
  source: string | null;
}

export interface ReversalsTable {
  id: string;
  kind: 'payment' | 'write_off';
  target_id: string;
  date: string;
  reason: string;
  idempotency_key: string;
  content_hash: string;
  /** Who recorded the row, when, from which file (migration 010; null on older rows). */
  recorded_by: string | null;
  recorded_at: Date | null;
  source: string | null;
}

export interface FxRatesTable {
  date: string;
  from_currency: string;
  to_currency: string;
  /** `numeric` without a scale keeps the digits as written; read back as a string. */
  rate: string;
}

/** One row per buyer and fiscal year; line columns (snake_case of `StatementLine`) are int8 or null. */
export interface StatementsTable {
  buyer_id: string;
  fiscal_year: number;
  period_end: string;
  cash: bigint | null;
  short_term_securities: bigint | null;
  receivables: bigint | null;
  inventory: bigint | null;
  current_assets: bigint | null;
  fixed_assets: bigint | null;
  total_assets: bigint | null;
  short_term_liabilities: bigint | null;
  long_term_liabilities: bigint | null;
  trade_payables: bigint | null;
  equity: bigint | null;
  share_capital: bigint | null;
  retained_earnings: bigint | null;
  sales: bigint | null;
  cost_of_goods_sold: bigint | null;
  gross_profit: bigint | null;
  operating_profit: bigint | null;
  depreciation: bigint | null;
  interest_expense: bigint | null;
  net_profit: bigint | null;
  currency: string;
}

export interface GradesTable {
  buyer_id: string;
  as_of: string;
  grade: number;
  pd: number;
  tier: string;
  /** The whole `Grade` (reasons, confidence, missing) as JSON. */
  detail: unknown;
}

export interface LimitEventsTable {
  id: Generated<string>;
  buyer_id: string;
  kind: 'request' | 'approval' | 'rejection' | 'temporary';
  amount: bigint;
  currency: string;
  valid_from: string;
  expires_on: string | null;
  by: string;
  reason: string;
  request_id: string | null;
  recorded_on: string;
  recorded_at: Generated<string>;
}

export interface OrdersTable {
  id: string;
  buyer_id: string;
  date: string;
  amount: bigint;
  currency: string;
  status: 'open' | 'delivered' | 'invoiced' | 'cancelled';
}

export interface CreditHoldsTable {
  id: Generated<string>;
  buyer_id: string;
  action: 'hold' | 'release';
  reason: string;
  by: string;
  recorded_on: string;
  recorded_at: Generated<string>;
}

export interface GradeOverridesTable {
  id: Generated<string>;
  buyer_id: string;
  action: 'override' | 'clear';
  grade: number | null;
  tier: string | null;
  pd: number | null;
  until: string | null;
  reason: string;
  by: string;
  recorded_on: string;
  recorded_at: Date;
}

/** Migration 028: a bank statement as imported (balances signed: a debit balance is negative). */
export interface BankStatementsTable {
  id: string;
  format: string;
  version: string | null;
  account: string;
  currency: string;
  statement_id: string;
  sequence: string | null;
  created_at: string | null;
  opening_amount: bigint | null;
  opening_date: string | null;
  closing_amount: bigint | null;
  closing_date: string | null;
  line_count: number;
  content_hash: string;
  recorded_by: string;
  recorded_at: Date;
  source: string | null;
}

/** Migration 035: what the matching step made of a bank line. */
export interface BankLineMatchesTable {
  statement: string;
  line: number;
  state: string;
  buyer_id: string | null;
  payment_id: string | null;
  score: number | null;
  proposals: string;
  reasons: string;
  booking_date: string;
  decided_by: string;
  decided_at: Date;
  note: string | null;
}

/** Migration 035: the learned IBAN → buyer map. */
export interface BankIbansTable {
  iban: string;
  buyer_id: string;
  learned_from: string | null;
  set_by: string;
  set_at: Date;
}

/** Migration 028: a bank statement's line. */
export interface BankStatementLinesTable {
  statement: string;
  line: number;
  entry: number;
  transaction: number | null;
  amount: bigint;
  currency: string;
  credit_debit: string;
  booking_date: string;
  value_date: string;
  payer_name: string | null;
  payer_iban: string | null;
  payer_bic: string | null;
  remittance: string;
  structured_ref: string | null;
  end_to_end_id: string | null;
  bank_ref: string | null;
  reversal: boolean;
  return_reason: string | null;
  status: string;
  ignored_reason: string | null;
}

export interface PolicyVersionsTable {
  id: Generated<string>;
  kind: string;
  version: number;
  body: unknown;
  reason: string;
  by: string;
  recorded_at: Date;
}

export interface ExternalGradesTable {
  buyer_id: string;
  date: string;
  source: 'insurer' | 'bureau';
  value: number;
}

/** Collections (migration 009): read and written with raw SQL in repos/letters.ts and repos/collection-events.ts. */
interface RawTable {
  [column: string]: unknown;
}

/** The columns of a document the as-of reads need (migration 026: `open_documents`, `document_closings`). */
export interface OpenDocumentsTable {
  number: string;
  buyer_id: string;
  type: 'invoice' | 'credit_note';
  issue_date: string;
  due_date: string;
  currency: string;
  amount: bigint;
}

export interface Database {
  /** Migration 040: repos/alerts.ts. */
  alerts: RawTable;
  /** Migration 067: repos/alert-digests.ts. */
  alert_digests: RawTable;
  /** Migration 064: repos/daily-steps.ts. */
  daily_steps: RawTable;
  /** Migration 102: repos/daily-steps.ts (the run holding a date). */
  daily_runs: RawTable;
  insurance_policies: RawTable;
  insurance_events: RawTable;
  collection_events: RawTable;
  worklist_tasks: RawTable;
  cash_applications: RawTable;
  dunning_letters: RawTable;
  dunning_letter_items: RawTable;
  dunning_runs: RawTable;
  outbox: RawTable;
  deliveries: RawTable;
  /** Migration 016: read and written with raw SQL in repos/users.ts. */
  users: RawTable;
  api_tokens: RawTable;
  /** Migration 034: repos/users.ts. */
  user_preferences: RawTable;
  /** Migration 017: repos/audit.ts. */
  audit_log: RawTable;
  /** Migration 023: repos/jobs.ts. */
  jobs: RawTable;
  /** Migration 022: repos/webhooks.ts. */
  webhook_subscriptions: RawTable;
  webhook_events: RawTable;
  webhook_deliveries: RawTable;
  buyers: BuyersTable;
  external_grades: ExternalGradesTable;
  orders: OrdersTable;
  credit_holds: CreditHoldsTable;
  grade_overrides: GradeOverridesTable;
  policy_versions: PolicyVersionsTable;
  limit_events: LimitEventsTable;
  grades: GradesTable;
  financial_statements: StatementsTable;
  documents: DocumentsTable;
  payments: PaymentsTable;
  allocations: AllocationsTable;
  /**
   * Migrations 025, 026: read model, the documents closed for good from `closed_on` (no row: open_documents);
   * 060: `first_moved_on`, the date of the earliest allocation row (null: unknown).
   */
  document_closings: OpenDocumentsTable & { closed_on: string; first_moved_on: string | null };
  /**
   * Migration 026: read model, the documents with no closing (their balance may not be zero); 061:
   * `first_moved_on`, the date of the earliest allocation row (null: none).
   */
  open_documents: OpenDocumentsTable & { first_moved_on: string | null };
  write_offs: WriteOffsTable;
  reversals: ReversalsTable;
  fx_rates: FxRatesTable;
  /** Migration 030: the credit check's holds and referrals (repos/check-results.ts). */
  credit_check_results: Record<string, unknown>;
  bank_statements: BankStatementsTable;
  bank_statement_lines: BankStatementLinesTable;
  /** Migration 051: trained payment-date models (repos/forecast.ts). */
  forecast_models: Record<string, unknown>;
  /** Migration 055: a buyer's securities, added and ended (repos/securities.ts). */
  security_events: Record<string, unknown>;
  /** Migration 083: proof of delivery per invoice (repos/delivery-confirmations.ts). */
  delivery_confirmations: Record<string, unknown>;
  /** Migration 103: country risk classes by date (repos/country-risk.ts). */
  country_risk_classes: Record<string, unknown>;
  /** Migration 084: account statements sent, confirmed, disputed (repos/statement-records.ts). */
  statement_records: Record<string, unknown>;
  bank_line_matches: BankLineMatchesTable;
  bank_ibans: BankIbansTable;
  /** Migration 079: the seller's working-capital figures per month, versioned (repos/working-capital.ts). */
  working_capital_months: Record<string, unknown>;
  /** Migration 076: cash forecasts as run and their weeks (repos/cash-forecasts.ts). */
  cash_forecasts: Record<string, unknown>;
  cash_forecast_weeks: Record<string, unknown>;
}

export const LEDGER_TABLES = [
  'country_risk_classes',
  'statement_records',
  'alert_digests',
  'daily_steps',
  'cash_forecast_weeks',
  'cash_forecasts',
  'delivery_confirmations',
  'alerts',
  'working_capital_months',
  'forecast_models',
  'security_events',
  'insurance_events',
  'insurance_policies',
  'bank_line_matches',
  'bank_ibans',
  'bank_statement_lines',
  'bank_statements',
  'credit_check_results',
  'jobs',
  'webhook_deliveries',
  'webhook_events',
  'webhook_subscriptions',
  'audit_log',
  'user_preferences',
  'api_tokens',
  'users',
  'worklist_tasks',
  'deliveries',
  'outbox',
  'dunning_letter_items',
  'dunning_letters',
  'dunning_runs',
  'collection_events',
  'cash_applications',
  'document_closings',
  'open_documents',
  'allocations',
  'reversals',
  'write_offs',
  'payments',
  'documents',
  'fx_rates',
  'policy_versions',
  'grade_overrides',
  'external_grades',
  'credit_holds',
  'orders',
  'limit_events',
  'grades',
  'financial_statements',
  'buyers',
] as const satisfies readonly (keyof Database)[];
