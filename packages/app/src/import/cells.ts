import {
  type BusinessDate,
  type CurrencyCode,
  checkText,
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
import { TEXT_KINDS } from './fields';

/** Remembers the parse of values that repeat down a file (dates, currencies); bounded. */
class Memo<T> {
  private readonly seen = new Map<string, Result<T>>();

  constructor(private readonly parse: (s: string) => Result<T>) {}

  get(s: string): Result<T> {
    let r = this.seen.get(s);
    if (r === undefined) {
      if (this.seen.size >= 20_000) this.seen.clear();
      r = this.parse(s);
      this.seen.set(s, r);
    }
    return r;
  }
}

const DAYS = /^\d{1,4}$/;
const COUNTRY = /^[A-Za-z]{2,3}$/;

/**
 * Typed access to one row's fields. Every accessor records a row error (file, row, column, value, code)
 * and returns undefined when the value is bad; `ok` tells whether the row had no error. One instance
 * serves a whole file: `at` moves it to the next row.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class Cells {
  private failed = false;
  private readonly dates: Memo<BusinessDate>;
  private readonly currencies = new Memo<CurrencyCode>(parseCurrency);

  constructor(
    private readonly reader: FieldReader,
    private values: Readonly<Record<string, string>>,
    public row: number,
    private readonly errors: RowErrors,
  ) {
    const format = reader.dateFormat;
    // A spreadsheet's real date cells arrive as ISO text whatever the mapping's format says, and an ISO date
    // cannot be misread, so ISO is accepted when the format does not match.
    this.dates = new Memo((s) => {
      const r = parseDateWithFormat(s, format);
      return r.ok || !ISO_DATE.test(s) ? r : parseDateWithFormat(s);
    });
  }

  /** Points at another row (of the same file) and clears the row's error flag. */
  at(values: Readonly<Record<string, string>>, row: number): this {
    this.values = values;
    this.row = row;
    this.failed = false;
    return this;
  }

  get ok(): boolean {
    return !this.failed;
  }

  /** Records an error on a field (used by the use cases for checks beyond the row itself). */
  error(field: string, code: ErrorCode, params: Readonly<Record<string, string | number>> = {}): void {
    const c = this.reader.get(this.values, field);
    this.failed = true;
    this.errors.add(this.row, c.column, c.value, code, { field, ...params });
  }

  /**
   * Text; a required field that is empty is `missing_field`; an optional empty one is undefined. Every value is
   * checked for the length and shape of its kind of field (TEXT_KINDS: identifiers, e-mails, addresses, names).
   */
  text(field: string, required = false): string | undefined {
    const value = this.reader.value(this.values, field);
    if (value !== '') return this.check(field, checkText(value, TEXT_KINDS[field] ?? 'name'));
    if (required) this.error(field, 'missing_field');
    return undefined;
  }

  private check<T>(field: string, r: Result<T>): T | undefined {
    if (r.ok) return r.value;
    const { value: _value, ...params } = r.error.params;
    this.error(field, r.error.code, params);
    return undefined;
  }

  date(field: string, required = false): BusinessDate | undefined {
    const s = this.text(field, required);
    return s === undefined ? undefined : this.check(field, this.dates.get(s));
  }

  currency(field: string): CurrencyCode | undefined {
    const s = this.text(field, true);
    return s === undefined ? undefined : this.check(field, this.currencies.get(s));
  }

  /** Minor units in `currency`; when the currency itself is bad, only the decimal shape is checked. */
  amount(field: string, currency: CurrencyCode | undefined, positive: boolean): bigint | undefined {
    const s = this.text(field, true);
    if (s === undefined) return undefined;
    if (currency === undefined) {
      this.check(field, parseDecimal(s));
      return undefined;
    }
    const m = this.check(field, parseMoney(s, currency));
    if (m === undefined) return undefined;
    if (positive && m.amount <= 0n) {
      this.error(field, 'invalid_amount', { reason: 'not_positive' });
      return undefined;
    }
    return m.amount;
  }

  /** An optional signed amount in `currency` (minor units), times `unit`; empty = not reported. */
  signedAmount(field: string, currency: CurrencyCode | undefined, unit: bigint): bigint | undefined {
    const s = this.text(field);
    if (s === undefined) return undefined;
    if (currency === undefined) {
      this.check(field, parseDecimal(s));
      return undefined;
    }
    const m = this.check(field, parseMoney(s, currency));
    return m === undefined ? undefined : m.amount * unit;
  }

  decimal(field: string): Decimal | undefined {
    const s = this.text(field, true);
    return s === undefined ? undefined : this.check(field, parseDecimal(s));
  }

  /** A whole number of days in [0, 3650]. */
  days(field: string): number | undefined {
    const s = this.text(field, true);
    if (s === undefined) return undefined;
    const n = DAYS.test(s) ? Number(s) : Number.NaN;
    if (Number.isInteger(n) && n <= 3650) return n;
    this.error(field, 'invalid_field', { reason: 'not_days' });
    return undefined;
  }

  /** ISO 3166 alpha-2 or alpha-3 shape (2–3 letters), upper-cased. */
  country(field: string): string | undefined {
    const s = this.text(field, true);
    if (s === undefined) return undefined;
    if (COUNTRY.test(s)) return s.toUpperCase();
    this.error(field, 'invalid_field', { reason: 'not_a_country_code' });
    return undefined;
  }

  /** One of `choices` (case-insensitive); empty gives `fallback`. */
  choice<T extends string>(field: string, choices: readonly T[], fallback?: T): T | undefined {
    const s = this.text(field);
    if (s === undefined) return fallback;
    if ((choices as readonly string[]).includes(s)) return s as T;
    const v = s.toLowerCase() as T;
    if (choices.includes(v)) return v;
    this.error(field, 'invalid_field', { reason: 'not_one_of', choices: choices.join('|') });
    return undefined;
  }
}
