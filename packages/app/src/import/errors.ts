import { type ErrorCode, ok, type Result, truncateText } from '@credence/core';
import type { LedgerWrites, Store } from '../ports';
import type { ImportFailure, RowError } from './source';

/** The longest cell value repeated in a row error (characters). */
const SHOWN_VALUE = 100;

/** Collects row errors, keeping the first `max` (sorted by row at the end) and counting all. */
export class RowErrors {
  private readonly kept: RowError[] = [];
  private total = 0;

  constructor(
    readonly file: string,
    private readonly max: number,
  ) {}

  add(
    row: number,
    column: string,
    value: string,
    code: ErrorCode,
    params: Readonly<Record<string, string | number>> = {},
  ): void {
    this.total += 1;
    if (this.kept.length < this.max) {
      // a value far over its limit is shown by its start, so the message stays readable
      value = truncateText(value, SHOWN_VALUE);
      this.kept.push({ file: this.file, row, column, value, code, params: { value, column, ...params } });
    }
  }

  get count(): number {
    return this.total;
  }

  failure(): ImportFailure {
    const errors = [...this.kept].sort((a, b) => a.row - b.row);
    return {
      code: 'import_rejected',
      params: { file: this.file, errors: this.total },
      errors,
      errorCount: this.total,
    };
  }
}

/** Thrown inside `store.transact` to roll back; never escapes the use case. */
export class Rollback extends Error {
  constructor() {
    super('rollback');
  }
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs checks and writes in one transaction; any row error (found before or during `work`) rolls it all back. */
export async function transactOrReject<T>(
  store: Store,
  errors: RowErrors,
  work: (tx: LedgerWrites, ensureClean: () => void) => Promise<T>,
): Promise<Result<T, ImportFailure>> {
  const ensureClean = () => {
    if (errors.count > 0) throw new Rollback();
  };
  try {
    return ok(await store.transact((tx) => work(tx, ensureClean)));
  } catch (e) {
    if (e instanceof Rollback) return { ok: false, error: errors.failure() };
    throw e;
  }
}

export interface Keyed<T> {
  readonly row: number;
  readonly value: T;
  readonly hash: string;
}

/**
 * Consumes `items` (empties the array, so a big file's rows are not held twice).
 * Drops rows repeating an earlier row of the file with the same key and content (counted as `repeats`);
 * the same key with other content is a conflict on the later row.
 */
export function dedupeInFile<T>(
  items: { row: number; value: T }[],
  key: (v: T) => string,
  hashOf: (v: T) => string,
  onConflict: (row: number, firstRow: number, v: T) => void,
): { unique: Keyed<T>[]; repeats: number } {
  const seen = new Map<string, { hash: string; row: number }>();
  const unique: Keyed<T>[] = [];
  let repeats = 0;
  for (const it of items) {
    const k = key(it.value);
    const hash = hashOf(it.value);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, { hash, row: it.row });
      unique.push({ row: it.row, value: it.value, hash });
    } else if (first.hash === hash) repeats += 1;
    else onConflict(it.row, first.row, it.value);
  }
  items.length = 0;
  return { unique, repeats };
}

/** Looks many keys up in bounded batches (a store query per batch, not per key). */
export async function lookUp<T>(
  keys: Iterable<string>,
  find: (batch: readonly string[]) => Promise<T[]>,
  size = 10_000,
): Promise<T[]> {
  const all = [...new Set(keys)];
  const out: T[] = [];
  for (const batch of chunks(all, size)) for (const x of await find(batch)) out.push(x);
  return out;
}
