import { isCurrency, parseMoney } from '@credence/core';

/**
 * A bank amount (`1234.56`, or MT940's `1234,56` and `1234,`) in minor units of its currency, positive; never
 * through a float: core's `parseMoney` with the currency's exponent. A string explains a refusal.
 */
export function bankAmount(text: string, currency: string, decimalComma = false): bigint | string {
  let t = text.trim();
  if (decimalComma) {
    if (!/^\d+,\d*$/.test(t)) return `"${text}" is not an amount (digits and one decimal comma)`;
    t = t.endsWith(',') ? t.slice(0, -1) : t.replace(',', '.');
  } else if (!/^\d+(\.\d+)?$/.test(t)) return `"${text}" is not an amount (digits and an optional decimal point)`;
  if (!isCurrency(currency)) return `"${currency}" is not a currency Credence knows`;
  const m = parseMoney(t, currency);
  if (!m.ok) return `"${text}" has more decimals than ${currency} has`;
  return m.value.amount;
}
