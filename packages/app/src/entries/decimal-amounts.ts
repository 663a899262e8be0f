import { type CurrencyCode, type Failure, money, parseMoney, toDecimalString } from '@credence/core';
import type { LedgerReads } from '../ports';

/**
 * An amount given as a decimal (as typed, as sent over HTTP) in a payment's currency, in minor units: undefined
 * when none was given; a failure for an unknown payment, an amount the currency cannot hold, or one ≤ 0.
 */
export async function paymentAmount(
  store: Pick<LedgerReads, 'findPayments'>,
  paymentId: string,
  text: string | undefined,
): Promise<bigint | Failure | undefined> {
  if (text === undefined) return undefined;
  const [payment] = await store.findPayments([paymentId]);
  if (payment === undefined) return { code: 'not_found', params: { what: 'payment', id: paymentId } };
  const m = parseMoney(text, payment.currency);
  if (!m.ok) return m.error;
  if (m.value.amount <= 0n) return { code: 'invalid_amount', params: { reason: 'not_positive', value: text } };
  return m.value.amount;
}

/** A failure's amount parameters (minor units as the use cases speak them) as decimals in the currency given. */
export function decimalParams(f: Failure, currency: CurrencyCode, keys: readonly string[]): Failure {
  const params = { ...f.params };
  for (const k of keys) {
    const v = params[k];
    if (typeof v === 'string' && /^-?\d+$/.test(v)) params[k] = toDecimalString(money(BigInt(v), currency));
  }
  return { ...f, params };
}

/** `decimalParams` in the payment's currency (the failure unchanged for an unknown payment). */
export async function paymentDecimalParams(
  store: Pick<LedgerReads, 'findPayments'>,
  paymentId: string,
  f: Failure,
): Promise<Failure> {
  const [payment] = await store.findPayments([paymentId]);
  return payment === undefined ? f : decimalParams(f, payment.currency, ['value', 'unapplied', 'applied', 'open']);
}
