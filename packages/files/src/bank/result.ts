import type { BankStatement } from '@credence/core';

/** A problem with one statement file: where (statement, entry, transaction, field) and what, in English. */
export interface BankParseError {
  readonly statement?: string;
  readonly entry?: number;
  readonly transaction?: number;
  readonly field?: string;
  readonly reason: string;
}

/** The statements of a file, or every problem found in it (a file is imported whole or not at all). */
export type BankParseResult =
  | { readonly ok: true; readonly value: readonly BankStatement[] }
  | { readonly ok: false; readonly errors: readonly BankParseError[] };

/** `statement …, entry 3, transaction 2, Amt: reason`. */
export function bankErrorText(e: BankParseError): string {
  const where = [
    e.statement === undefined ? undefined : `statement ${e.statement}`,
    e.entry === undefined ? undefined : `entry ${e.entry}`,
    e.transaction === undefined ? undefined : `transaction ${e.transaction}`,
    e.field,
  ].filter((p) => p !== undefined);
  return where.length === 0 ? e.reason : `${where.join(', ')}: ${e.reason}`;
}
