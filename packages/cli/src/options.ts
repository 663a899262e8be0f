import {
  type BusinessDate,
  type CurrencyCode,
  checkIdentifier,
  checkText,
  parseBuckets,
  parseCurrency,
  parseDate,
  type Result,
} from '@credence/core';
import { InvalidArgumentError } from 'commander';
import type { OutputFormat } from './commands/report-aging';
import { rowReason } from './commands/row-messages';

/** Commander argument parsers: a bad value is a usage error (exit 2) with a clear message. */
export function asDate(value: string): BusinessDate {
  const r = parseDate(value);
  if (!r.ok) throw new InvalidArgumentError(`"${value}" is not a date (YYYY-MM-DD).`);
  return r.value;
}

export function asCurrency(value: string): CurrencyCode {
  const r = parseCurrency(value);
  if (!r.ok) throw new InvalidArgumentError(`"${value}" is not a known ISO 4217 currency.`);
  return r.value;
}

export function asBounds(value: string): readonly number[] {
  const r = parseBuckets(value);
  if (!r.ok) throw new InvalidArgumentError(`"${value}" must be increasing whole days, e.g. 30,60,90.`);
  return r.value.bounds;
}

export function asFormat(value: string): OutputFormat {
  if (value === 'table' || value === 'json' || value === 'csv') return value;
  throw new InvalidArgumentError('choose table, json or csv.');
}

export function asPositiveInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number.`);
  return Number(value);
}

function checked(value: string, r: Result<string>): string {
  if (r.ok) return r.value;
  const why = r.error.code === 'missing_field' ? 'must not be empty' : rowReason(r.error);
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  throw new InvalidArgumentError(`${JSON.stringify(shown)}: ${why}.`);
}

/** A new record's id: the identifier rule of imports (docs/import.md): ≤ 64 printable characters, no / \ . .. */
export const asIdentifier = (value: string): string => checked(value, checkIdentifier(value));
/** A person's or a thing's name (≤ 200 characters). */
export const asName = (value: string): string => checked(value, checkText(value, 'name'));
/** A note, reason or description (≤ 2,000 characters). */
export const asNote = (value: string): string => checked(value, checkText(value, 'note'));

export function asSeconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a number of seconds.`);
  return Number(value);
}

/** A TCP port, 0 … 65535 (0: the system picks a free one). */
export function asPort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError(`"${value}" is not a port (0 … 65535).`);
  return Number(value);
}

/** A host name or address to listen on (no scheme, no port). */
export function asHost(value: string): string {
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(value) || value.includes('::::'))
    throw new InvalidArgumentError(`"${value}" is not a host name or address.`);
  return value;
}
