import type { ErrorCode, Failure } from '@credence/core';

/** Exit codes scripts can rely on (docs/cli.md). */
export const EXIT = {
  ok: 0,
  bug: 1,
  usage: 2,
  rejected: 3,
  missingData: 4,
  unavailable: 5,
  /** The embedded database, or the date's daily cycle, is in use by another process (see --wait). */
  busy: 6,
  /** A first dunning run held letters beyond the first overdue level: run again with --confirm. */
  confirm: 7,
} as const;

const BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_amount: EXIT.rejected,
  invalid_currency: EXIT.rejected,
  currency_mismatch: EXIT.rejected,
  invalid_date: EXIT.rejected,
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
  not_allowed: EXIT.rejected,
  store_locked: EXIT.busy,
  run_in_progress: EXIT.busy,
};

export const exitCodeOf = (f: Failure): number => BY_CODE[f.code];

type Params = Failure['params'];
const str = (p: Params, ...keys: string[]): string => {
  for (const k of keys) if (p[k] !== undefined) return String(p[k]);
  return '?';
};

/** Business-rule reasons that come with a code, in words. */
const REASONS: Readonly<Record<string, (p: Params) => string>> = {
  not_positive: () => 'the amount must be greater than zero',
  not_a_limit_amount: (p) => `"${str(p, 'value')}" is not an amount of zero or more in ${str(p, 'currency')}`,
  too_many_decimals: (p) => `"${str(p, 'value')}" has more decimals than the currency (${str(p, 'decimals')})`,
  above_unapplied: (p) => `${str(p, 'value')} is more than the payment has unapplied (${str(p, 'unapplied')})`,
  above_applied: (p) =>
    `${str(p, 'value')} is more than the payment applied to ${str(p, 'number')} (${str(p, 'applied')})`,
  above_open: (p) => `${str(p, 'value')} is more than ${str(p, 'number')} has open (${str(p, 'open')})`,
  same_document: (p) => `--from and --to both name ${str(p, 'number')}`,
  payment_reversed: (p) => `payment ${str(p, 'id')} has been reversed (by ${str(p, 'by')})`,
  not_within_open: (p) => `the amount must be more than zero and at most the open balance (${str(p, 'open')})`,
  before_issue: (p) => `${str(p, 'value')} is before the document's issue date`,
  before_entry: (p) => `${str(p, 'value')} is before the date of the entry it reverses`,
  already_reversed: (p) =>
    `${str(p, 'key')}: this entry has already been reversed${typeof p.by === 'string' ? ` (by ${p.by})` : ''}`,
  from_after_as_of: (p) => `--from ${str(p, 'from')} is after --as-of ${str(p, 'asOf')}`,
  other_buyer: (p) => `document ${str(p, 'number', 'value')} belongs to another buyer (${str(p, 'buyerId')})`,
  only_on_credit_notes: () => 'only a credit note can apply to an invoice',
  not_an_invoice: (p) => `${str(p, 'number')} is a credit note, not an invoice`,
  must_increase: (p) => `buckets "${str(p, 'value')}" must be increasing whole days, e.g. 30,60,90`,
  empty: () => 'no buckets given',
  four_eyes: (p) => `${str(p, 'by')} cannot answer a request made by ${str(p, 'requestedBy')} (four eyes)`,
  already_answered: (p) => `limit request #${str(p, 'id')} has already been answered`,
  line_decided: (p) =>
    `bank line ${str(p, 'line')} is ${str(p, 'state')} already: only lines in review, suspense or rejected can be decided`,
  expires_before_start: (p) => `${str(p, 'value')} is before the limit starts`,
  negative: (p) => `"${str(p, 'value')}" is negative`,
  no_reference_rate: (p) =>
    `no reference rate for ${str(p, 'series')} ${str(p, 'halfYear')}: add it to the rates file (see --rates)`,
  principal_not_paid: () => 'the payments do not pay the whole principal: give --paid DATE',
  payments_exceed_principal: () => 'the payments exceed the principal',
  not_after_due: (p) => `${str(p, 'value')} is not after the due date`,
  compensation_currency: (p) => `this regime's fixed compensation is in ${str(p, 'b')}, the invoice in ${str(p, 'a')}`,
  already_on_hold: (p) => `${str(p, 'id')} is already on credit hold`,
  already_disputed: (p) => `${str(p, 'number')} is already in open dispute ${str(p, 'id')}`,
  already_resolved: (p) => `dispute ${str(p, 'id')} is already resolved`,
  task_done: (p) => `task ${str(p, 'id')} was already done on ${str(p, 'on')}`,
  not_after_today: (p) => `${str(p, 'value')} is not after today (${str(p, 'today')})`,
  in_the_past: (p) => `${str(p, 'value')} is in the past`,
  in_the_future: (p) => `${str(p, 'value')} is in the future`,
  nothing_open: (p) => `${str(p, 'number')} has nothing open`,
  already_in_plan: (p) => `${str(p, 'number')} is already in payment plan ${str(p, 'id')}`,
  instalments_not_total: (p) =>
    `the instalments add up to ${str(p, 'value')} ${str(p, 'currency')}, the documents' open balance is ${str(p, 'total')}`,
  not_paused: (p) => `${str(p, 'id')} is not paused`,
  run_before_last: (p) =>
    `letters are already recorded for ${str(p, 'latest')}: a run for ${str(p, 'value')} would go back in time (preview it with --dry-run)`,
  credit_note_elsewhere: (p) =>
    `credit note ${str(p, 'number')} corrects ${str(p, 'value')}, which is not in dispute ${str(p, 'id')}`,
  rate_only_with_contract: () => 'an agreed rate goes with interest_regime "contract" (the statutes set their own)',
  not_a_credit_note: (p) => `${str(p, 'number')} is an invoice, not a credit note`,
  credit_note_used: (p) => `credit note ${str(p, 'number')} already resolved dispute ${str(p, 'id')}`,
  run_in_future: (p) => `${str(p, 'value')} is after today (${str(p, 'today')}): preview a future date with --dry-run`,
  concurrent_run: () => 'another dunning run recorded letters for the same documents and date meanwhile: run again',
  rate_format: () => 'a rate like 12%/year or 0.05%/day',
  not_on_hold: (p) => `${str(p, 'id')} is not on credit hold`,
  user_exists: (p) => `a user named ${str(p, 'id')} exists already (revoked users keep their name)`,
  already_revoked: (p) => `user ${str(p, 'id')} is already revoked`,
  unknown_role: (p) => `"${str(p, 'role')}" is not a role: admin, credit_manager, collector, sales or erp`,
  unknown_event: (p) => `"${str(p, 'event')}" is not a webhook event: ${str(p, 'known').replaceAll(',', ', ')}`,
  invalid_url: (p) => `"${str(p, 'value')}" is not a URL`,
  not_http: (p) => `"${str(p, 'value')}" is not an http or https URL`,
  credentials_in_url: () => 'a webhook URL with a user or password in it: the signature authenticates the sender',
  already_removed: (p) => `webhook ${str(p, 'id')} is already removed`,
  removed: (p) => `webhook ${str(p, 'id')} is removed`,
};

const MESSAGES: Readonly<Record<ErrorCode, (p: Params) => string>> = {
  invalid_amount: (p) => `not an amount: "${str(p, 'value')}"`,
  invalid_currency: (p) => `unknown currency "${str(p, 'value')}" (ISO 4217 code expected)`,
  currency_mismatch: (p) => `currencies differ: ${str(p, 'a')} and ${str(p, 'b')}`,
  invalid_date: (p) => `not a date: "${str(p, 'value')}" (${p.format ?? 'YYYY-MM-DD'} expected)`,
  invalid_rate: (p) => `not a usable FX rate: ${str(p, 'value')}${p.date !== undefined ? ` (dated ${p.date})` : ''}`,
  invalid_field: (p) =>
    // A policy's parser names every problem with its path in `reason` (no single value to quote).
    p.value === undefined && typeof p.reason === 'string'
      ? `invalid ${str(p, 'field')}: ${p.reason}`
      : `invalid ${str(p, 'field')}: "${str(p, 'value')}"`,
  missing_field: (p) => `missing ${str(p, 'field')}${p.when !== undefined ? ` (${String(p.when)})` : ''}`,
  unknown_buyer: (p) => `no buyer "${str(p, 'buyerId', 'value', 'id')}"`,
  unknown_document: (p) => `no document "${str(p, 'number', 'documentNumber', 'value')}"`,
  idempotency_conflict: (p) => `"${str(p, 'key')}" was already recorded with other content`,
  document_conflict: (p) => `document "${str(p, 'number', 'value')}" already exists with other content`,
  missing_fx_rate: (p) =>
    `no FX rate ${str(p, 'from')}→${str(p, 'to')} on or before ${str(p, 'date')}: import one with \`credence import fx-rates FILE\``,
  invalid_buckets: (p) => `invalid buckets "${str(p, 'value')}": increasing whole days, e.g. 30,60,90`,
  not_found: (p) => `${str(p, 'what', 'kind').replace('_', '-')} "${str(p, 'id')}" not found`,
  import_rejected: (p) => `${str(p, 'file')}: nothing imported (${str(p, 'errors')} errors)`,
  invalid_argument: (p) => `invalid argument: ${str(p, 'reason')}`,
  not_allowed: (p) => `not allowed: ${str(p, 'reason')}`,
  store_locked: (p) =>
    `the database ${str(p, 'dir')} is in use by ${p.pid === undefined ? `another process (lock file ${str(p, 'lockFile')})` : `process ${str(p, 'pid')}${p.host !== undefined ? ` on ${str(p, 'host')}` : ''} (command ${str(p, 'command')}, since ${str(p, 'since')})`}: wait for it or use --wait SECONDS`,
  run_in_progress: (p) =>
    `the daily cycle of ${str(p, 'asOf')} is being run by ${str(p, 'holder')} (since ${str(p, 'since')}): wait for it or use --wait SECONDS`,
};

/** English prose for a failure: the business reason when there is one, else what the code means. */
export function describe(f: Failure): string {
  const reason = typeof f.params.reason === 'string' ? REASONS[f.params.reason] : undefined;
  return reason ? reason(f.params) : MESSAGES[f.code](f.params);
}
