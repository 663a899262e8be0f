import type { ErrorCode, Failure } from '@credence/core';
import { expect, it, describe as suite } from 'vitest';
import { describe, EXIT, exitCodeOf } from './exit-codes';

// Every code with the parameters its call sites pass (grep `fail('` in core and app): the message must name
// the values and leave no placeholder or "?" behind.
const CASES: readonly [ErrorCode, Failure['params'], string][] = [
  ['invalid_amount', { value: 'abc' }, '"abc"'],
  ['invalid_amount', { value: '12.345', reason: 'too_many_decimals', decimals: 2 }, 'more decimals'],
  ['invalid_amount', { value: '-1000', reason: 'not_positive' }, 'greater than zero'],
  ['invalid_amount', { value: '500', reason: 'not_within_open', open: '12.00' }, 'open balance (12.00)'],
  ['invalid_amount', { value: '150.00', reason: 'above_unapplied', unapplied: '100.00' }, 'unapplied (100.00)'],
  ['invalid_amount', { value: '600', reason: 'above_applied', number: 'I2', applied: '500.00' }, 'to I2 (500.00)'],
  ['invalid_amount', { value: '600', reason: 'above_open', number: 'I2', open: '5.00' }, 'I2 has open (5.00)'],
  ['invalid_field', { reason: 'same_document', number: 'I2' }, 'both name I2'],
  ['not_allowed', { reason: 'payment_reversed', id: 'P1', by: 'R1' }, 'P1 has been reversed (by R1)'],
  ['invalid_currency', { value: 'EURO' }, '"EURO"'],
  ['currency_mismatch', { a: 'EUR', b: 'USD' }, 'EUR and USD'],
  ['invalid_date', { value: '2026-02-30' }, '2026-02-30'],
  ['invalid_date', { value: '2/30/2026', format: 'M/D/YYYY' }, 'M/D/YYYY'],
  ['invalid_date', { value: '2026-01-15', reason: 'before_issue' }, "before the document's issue date"],
  ['invalid_date', { value: '2026-01-15', reason: 'before_entry' }, 'before the date of the entry'],
  ['invalid_rate', { value: 'USD/EUR', date: '2026-01-01' }, 'USD/EUR'],
  [
    'invalid_field',
    { field: 'document_number', reason: 'other_buyer', buyerId: 'B2', number: 'I9' },
    'another buyer (B2)',
  ],
  ['invalid_field', { reason: 'not_an_invoice', number: 'CN1' }, 'CN1 is a credit note'],
  ['invalid_field', { field: 'country', value: 'XX' }, 'country'],
  ['missing_field', { field: 'amount' }, 'missing amount'],
  ['unknown_buyer', { buyerId: 'B404' }, '"B404"'],
  ['unknown_document', { documentNumber: 'I404' }, '"I404"'],
  ['unknown_document', { number: 'I405' }, '"I405"'],
  ['idempotency_conflict', { key: 'payment:P1' }, 'payment:P1'],
  ['idempotency_conflict', { key: 'reversal:payment:P1', reason: 'already_reversed' }, 'already been reversed'],
  ['document_conflict', { number: 'I1' }, '"I1"'],
  ['missing_fx_rate', { from: 'USD', to: 'EUR', date: '2026-06-30' }, 'USD→EUR on or before 2026-06-30'],
  ['invalid_buckets', { value: '60,30', reason: 'must_increase' }, '60,30'],
  ['not_found', { what: 'buyer', id: 'B1' }, 'buyer "B1" not found'],
  ['not_found', { kind: 'write_off', id: 'W1' }, 'write-off "W1" not found'],
  ['import_rejected', { file: 'a.csv', errors: 3 }, 'a.csv: nothing imported (3 errors)'],
  [
    'invalid_argument',
    { from: '2026-07-01', asOf: '2026-06-30', reason: 'from_after_as_of' },
    '--from 2026-07-01 is after --as-of 2026-06-30',
  ],
  ['not_allowed', { reason: 'four_eyes', by: 'sam', requestedBy: 'sam' }, 'sam cannot answer a request made by sam'],
  ['not_allowed', { reason: 'already_answered', id: 3 }, 'limit request #3 has already been answered'],
  ['not_allowed', { reason: 'something_new' }, 'not allowed: something_new'],
  [
    'store_locked',
    { dir: '/d/credence', lockFile: '/d/credence.lock', pid: 42, host: 'h1', command: 'credence import', since: 'T' },
    'the database /d/credence is in use by process 42 on h1 (command credence import, since T): wait for it or use --wait SECONDS',
  ],
  [
    'store_locked',
    { dir: '/d/credence', lockFile: '/d/credence.lock' },
    'another process (lock file /d/credence.lock)',
  ],
  [
    'run_in_progress',
    { asOf: '2026-06-30', holder: 'credence daily (process 42 on h1)', since: 'T' },
    'the daily cycle of 2026-06-30 is being run by credence daily (process 42 on h1) (since T): wait for it or use --wait SECONDS',
  ],
];

suite('error messages', () => {
  it.each(CASES)('%s %j reads as prose', (code, params, expected) => {
    const text = describe({ code, params });
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\{\w+\}|"\?"|\(\?\)/);
  });

  it('business-rule rejections are exit 3, missing data 4, usage 2', () => {
    expect(exitCodeOf({ code: 'invalid_date', params: { reason: 'before_issue' } })).toBe(EXIT.rejected);
    expect(exitCodeOf({ code: 'unknown_buyer', params: {} })).toBe(EXIT.missingData);
    expect(exitCodeOf({ code: 'missing_fx_rate', params: {} })).toBe(EXIT.missingData);
    expect(exitCodeOf({ code: 'invalid_argument', params: {} })).toBe(EXIT.usage);
    expect(exitCodeOf({ code: 'not_allowed', params: {} })).toBe(EXIT.rejected);
    expect(exitCodeOf({ code: 'store_locked', params: {} })).toBe(6);
    expect(exitCodeOf({ code: 'run_in_progress', params: {} })).toBe(EXIT.busy);
  });
});
