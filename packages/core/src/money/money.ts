import { fail, ok, type Result } from '../result';
import { type CurrencyCode, exponentOf, isCurrency } from './currency';
import { decimalToString, parseDecimal, pow10 } from './decimal';

/** Money is an integer number of minor units (cents, fen, yen) of one ISO 4217 currency. */
export interface Money {
  readonly amount: bigint;
  readonly currency: CurrencyCode;
}

export function money(amount: bigint, currency: CurrencyCode): Money {
  return Object.freeze({ amount, currency });
}

export function parseCurrency(code: string): Result<CurrencyCode> {
  const c = code.trim().toUpperCase();
  return isCurrency(c) ? ok(c) : fail('invalid_currency', { value: code });
}

/**
 * Parses a decimal string into minor units. More decimals than the currency has is an error
 * ('12.345' EUR), except trailing zeros ('12.340' EUR is fine). Never goes through a float.
 */
export function parseMoney(text: string, currencyCode: string): Result<Money> {
  const cur = parseCurrency(currencyCode);
  if (!cur.ok) return cur;
  const d = parseDecimal(text);
  if (!d.ok) return d;
  const exp = exponentOf(cur.value);
  const { coefficient, scale } = d.value;
  if (scale <= exp) return ok(money(coefficient * pow10(exp - scale), cur.value));
  const excess = pow10(scale - exp);
  if (coefficient % excess !== 0n) {
    return fail('invalid_amount', { value: text, reason: 'too_many_decimals', decimals: exp });
  }
  return ok(money(coefficient / excess, cur.value));
}

/** '1234.56' for EUR 123456 minor units; '-5' for JPY -5. Locale formatting happens at the edges. */
export function toDecimalString(m: Money): string {
  return decimalToString({ coefficient: m.amount, scale: exponentOf(m.currency) });
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new Error(`currency mismatch ${a.currency}/${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amount - b.amount, a.currency);
}

export const zero = (currency: CurrencyCode): Money => money(0n, currency);
