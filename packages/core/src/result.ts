/** Expected failures are values: a closed set of codes with parameters; prose lives at the edges. */
export type ErrorCode =
  | 'invalid_amount'
  | 'invalid_currency'
  | 'currency_mismatch'
  | 'invalid_date'
  | 'invalid_rate'
  | 'invalid_field'
  | 'missing_field'
  | 'unknown_buyer'
  | 'unknown_document'
  | 'idempotency_conflict'
  | 'document_conflict'
  | 'missing_fx_rate'
  | 'invalid_buckets'
  | 'not_found'
  | 'import_rejected'
  | 'invalid_argument'
  | 'not_allowed'
  | 'store_locked'
  /** Another run holds the same work (a date's daily cycle): try again once it ends. */
  | 'run_in_progress';

export interface Failure {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type Result<T, E = Failure> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: ErrorCode, params: Readonly<Record<string, string | number>> = {}): Result<never> => ({
  ok: false,
  error: { code, params },
});
