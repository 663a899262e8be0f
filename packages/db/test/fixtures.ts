import type { Stored } from '@credence/app';
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
