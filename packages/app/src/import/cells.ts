import {
  type BusinessDate,
  type CurrencyCode,
  type Decimal,
  type ErrorCode,
  parseCurrency,
  parseDateWithFormat,
  parseDecimal,
  parseMoney,
  type Result,
} from '@credence/core';
import type { FieldReader } from './columns';
import type { RowErrors } from './errors';

/**
 * Typed access to one row's fields. Every accessor records a row error (file, row, column, value, code)
 * and returns undefined when the value is bad; `ok` tells whether the row had no error.
 */
export class Cells {
  private failed = false;

  constructor(
    private readonly reader: FieldReader,
    private readonly values: Readonly<Record<string, string>>,
    readonly row: number,
    private readonly errors: RowErrors,
  ) {}

  get ok(): boolean {
    return !this.failed;
  }

  /** Records an error on a field (used by the use cases for checks beyond the row itself). */
  error(field: string, code: ErrorCode, params: Readonly<Record<string, string | number>> = {}): void {
    const c = this.reader.get(this.values, field);
    this.failed = true;
    this.errors.add(this.row, c.column, c.value, code, { field, ...params });
  }

  /** Text; a required field that is empty is `missing_field`; an optional empty one is undefined. */
  text(field: string, required = false): string | undefined {
    const { value } = this.reader.get(this.values, field);
    if (value !== '') return value;
    if (required) this.error(field, 'missing_field');
    return undefined;
  }

  private parse<T>(field: string, required: boolean, parse: (s: string) => Result<T>): T | undefined {
    const s = this.text(field, required);
    if (s === undefined) return undefined;
    const r = parse(s);
    if (r.ok) return r.value;
    const { value: _value, ...params } = r.error.params;
    this.error(field, r.error.code, params);
    return undefined;
  }

  date(field: string, required = false): BusinessDate | undefined {
    return this.parse(field, required, (s) => parseDateWithFormat(s, this.reader.dateFormat));
  }

  currency(field: string): CurrencyCode | undefined {
    return this.parse(field, true, parseCurrency);
  }

  /** Minor units in `currency`; when the currency itself is bad, only the decimal shape is checked. */
  amount(field: string, currency: CurrencyCode | undefined, positive: boolean): bigint | undefined {
    if (currency === undefined) {
      this.parse(field, true, parseDecimal);
      return undefined;
    }
    const m = this.parse(field, true, (s) => parseMoney(s, currency));
    if (m === undefined) return undefined;
    if (positive && m.amount <= 0n) {
      this.error(field, 'invalid_amount', { reason: 'not_positive' });
      return undefined;
    }
    return m.amount;
  }

  decimal(field: string): Decimal | undefined {
    return this.parse(field, true, parseDecimal);
  }

  /** A whole number of days in [0, 3650]. */
  days(field: string): number | undefined {
    const s = this.text(field, true);
    if (s === undefined) return undefined;
    const n = /^\d{1,4}$/.test(s) ? Number(s) : Number.NaN;
    if (Number.isInteger(n) && n <= 3650) return n;
    this.error(field, 'invalid_field', { reason: 'not_days' });
    return undefined;
  }

  /** ISO 3166 alpha-2 or alpha-3 shape (2–3 letters), upper-cased. */
  country(field: string): string | undefined {
    const s = this.text(field, true);
    if (s === undefined) return undefined;
    if (/^[A-Za-z]{2,3}$/.test(s)) return s.toUpperCase();
    this.error(field, 'invalid_field', { reason: 'not_a_country_code' });
    return undefined;
  }

  /** One of `choices` (case-insensitive); empty gives `fallback`. */
  choice<T extends string>(field: string, choices: readonly T[], fallback: T): T | undefined {
    const s = this.text(field);
    if (s === undefined) return fallback;
    const v = s.toLowerCase() as T;
    if (choices.includes(v)) return v;
    this.error(field, 'invalid_field', { reason: 'not_one_of', choices: choices.join('|') });
    return undefined;
  }
}
