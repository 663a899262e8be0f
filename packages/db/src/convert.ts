import type { BusinessDate, CurrencyCode } from '@credence/core';

/** Sums come back as numeric (a string) or int8 (a bigint) depending on the expression; both are exact. */
export function toBig(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string') return BigInt(v);
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (v === null || v === undefined) return 0n;
  throw new TypeError(`not an integer: ${String(v)}`);
}

/** Counts (int8) as a JS number. */
export const toCount = (v: unknown): number => Number(toBig(v));

export const asDate = (v: string): BusinessDate => v as BusinessDate;
export const asCurrency = (v: string): CurrencyCode => v as CurrencyCode;

/** `{ key: value }` when the column is set, `{}` when it is NULL (for exactOptionalPropertyTypes). */
export function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Splits a long list of keys for `= any($1)` lookups. */
export function chunks<T>(xs: readonly T[], size = 10_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
