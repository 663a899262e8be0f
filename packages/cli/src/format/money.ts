import { type CurrencyCode, exponentOf, type Money, money, toDecimalString } from '@credence/core';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for people, per locale, exactly: the decimal string goes to Intl, never a float
 * (Intl.NumberFormat formats decimal strings without converting them to a double first).
 */
export function formatMoney(m: Money, locale = 'en'): string {
  const exp = exponentOf(m.currency);
  const key = `${locale}:${exp}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: exp, maximumFractionDigits: exp });
    formatters.set(key, f);
  }
  return f.format(toDecimalString(m) as `${number}`);
}

export const fmt = (amount: bigint, currency: CurrencyCode, locale?: string): string =>
  formatMoney(money(amount, currency), locale);

export const dec = (amount: bigint, currency: CurrencyCode): string => toDecimalString(money(amount, currency));
