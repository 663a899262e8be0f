import { type BusinessDate, type CurrencyCode, parseBuckets, parseCurrency, parseDate } from '@credence/core';
import { InvalidArgumentError } from 'commander';
import type { OutputFormat } from './commands/report-aging';

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

export function asSeconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a number of seconds.`);
  return Number(value);
}
