import type { RowSource, Stored } from '@credence/app';
import { type CurrencyCode, date, isCurrency, type LedgerDocument, type Payment } from '@credence/core';

export function cur(code: string): CurrencyCode {
  if (!isCurrency(code)) throw new RangeError(`unknown currency ${code}`);
  return code;
}

export const EUR = cur('EUR');
export const USD = cur('USD');
export const JPY = cur('JPY');

/** 2^53 + 1: the first integer a JS number cannot hold. */
export const BEYOND_DOUBLE = 9007199254740993n;

export function invoice(number: string, over: Partial<Stored<LedgerDocument>> = {}): Stored<LedgerDocument> {
  return {
    number,
    buyerId: 'B1',
    type: 'invoice',
    issueDate: date('2024-01-15'),
    dueDate: date('2024-02-14'),
    amount: 10_000n,
    currency: EUR,
    idempotencyKey: `doc:${number}`,
    contentHash: `hash:${number}`,
    ...over,
  };
}

export function payment(id: string, over: Partial<Stored<Payment>> = {}): Stored<Payment> {
  return {
    id,
    buyerId: 'B1',
    date: date('2024-02-10'),
    amount: 10_000n,
    currency: EUR,
    idempotencyKey: `pay:${id}`,
    contentHash: `hash:${id}`,
    ...over,
  };
}

/** An in-memory import file: the header and the rows as strings (row numbers as in a CSV with a header line). */
export const rowFile = (name: string, columns: readonly string[], rows: readonly (readonly string[])[]): RowSource => ({
  file: name,
  columns,
  rows: rows.map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])),
  })),
});
