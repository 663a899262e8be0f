import type { ErrorCode, Failure } from '@credence/core';

/** Exit codes scripts can rely on (documented in the README). */
export const EXIT = { ok: 0, bug: 1, usage: 2, rejected: 3, missingData: 4 } as const;

const BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_amount: EXIT.rejected,
  invalid_currency: EXIT.rejected,
  currency_mismatch: EXIT.rejected,
  invalid_date: EXIT.usage,
  invalid_rate: EXIT.rejected,
  invalid_field: EXIT.rejected,
  missing_field: EXIT.rejected,
  unknown_buyer: EXIT.missingData,
  unknown_document: EXIT.missingData,
  idempotency_conflict: EXIT.rejected,
  document_conflict: EXIT.rejected,
  missing_fx_rate: EXIT.missingData,
  invalid_buckets: EXIT.usage,
  not_found: EXIT.missingData,
  import_rejected: EXIT.rejected,
  invalid_argument: EXIT.usage,
};

export const exitCodeOf = (f: Failure): number => BY_CODE[f.code];

const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  invalid_amount: 'not an amount: "{value}"',
  invalid_currency: 'unknown currency "{value}" (ISO 4217 code expected)',
  currency_mismatch: 'currencies differ: {a} and {b}',
  invalid_date: 'not a date: "{value}" (YYYY-MM-DD expected)',
  invalid_rate: 'not a rate: "{value}"',
  invalid_field: 'invalid {field}: "{value}"',
  missing_field: 'missing {field}',
  unknown_buyer: 'no buyer "{buyerId}"',
  unknown_document: 'no document "{number}"',
  idempotency_conflict: '"{key}" was already recorded with other content',
  document_conflict: 'document "{number}" already exists with other content',
  missing_fx_rate: 'no FX rate {from}→{to} on or before {date}: import one with `credence import fx-rates FILE`',
  invalid_buckets: 'invalid buckets "{value}": increasing whole days, e.g. 30,60,90',
  not_found: '{what} "{id}" not found',
  import_rejected: '{file}: nothing imported ({errors} errors)',
  invalid_argument: 'invalid argument: {reason}',
};

/** English prose for a failure code and its parameters. */
export function describe(f: Failure): string {
  return MESSAGES[f.code].replace(/\{(\w+)\}/g, (_, k: string) => String(f.params[k] ?? `{${k}}`));
}
