import { fail, ok, type Result } from '../result';

/** An exact decimal: value = coefficient / 10^scale. Used for rates and for parsing amounts. */
export interface Decimal {
  readonly coefficient: bigint;
  readonly scale: number;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const DECIMAL_LEADING_DOT = /^([+-])?()\.(\d+)$/;

/** Parses '1234.56', '-0.5', '+3', '.25'. No exponents, no thousands separators, never a float. */
export function parseDecimal(text: string): Result<Decimal> {
  const s = text.trim();
  const m = DECIMAL.exec(s) ?? DECIMAL_LEADING_DOT.exec(s);
  if (!m) return fail('invalid_amount', { value: text });
  const sign = m[1] === '-' ? -1n : 1n;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  const coefficient = BigInt(`${int === '' ? '0' : int}${frac}`) * sign;
  return ok({ coefficient, scale: frac.length });
}

export function decimalToString(d: Decimal): string {
  const negative = d.coefficient < 0n;
  const digits = (negative ? -d.coefficient : d.coefficient).toString().padStart(d.scale + 1, '0');
  const int = digits.slice(0, digits.length - d.scale);
  const frac = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative ? '-' : ''}${int}${frac}`;
}

export const pow10 = (n: number): bigint => 10n ** BigInt(n);
