import { type CurrencyCode, fail, ok, parseMoney, type Result } from '@credence/core';

/**
 * A limit amount given as a decimal in a currency, in minor units: zero or more, as many decimals as the
 * currency has. Otherwise `invalid_amount` with reason `not_a_limit_amount`, the text and the currency.
 */
export function limitAmount(text: string, currency: CurrencyCode): Result<bigint> {
  const m = parseMoney(text, currency);
  if (!m.ok || m.value.amount < 0n)
    return fail('invalid_amount', { reason: 'not_a_limit_amount', value: text, currency });
  return ok(m.value.amount);
}
