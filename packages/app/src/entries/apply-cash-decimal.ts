import type { BusinessDate, Result } from '@credence/core';
import type { Store } from '../ports';
import { applyCash } from './apply-cash';
import type { CashApplied } from './cash-support';
import { paymentAmount, paymentDecimalParams } from './decimal-amounts';

export interface ApplyCashDecimalInput {
  readonly paymentId: string;
  readonly documentNumber: string;
  /** A decimal in the payment's currency, e.g. "1200.50"; default: as much as both leave. */
  readonly amount?: string;
  readonly date: BusinessDate;
  /** The idempotency key; default: payment, invoice, date and amount. */
  readonly id?: string;
  readonly by: string;
}

/**
 * `payment apply` (and its HTTP twin): `applyCash` with the amount as a decimal in the payment's currency and
 * a default id; failures carry their amounts as decimals.
 */
export async function applyCashDecimal(store: Store, x: ApplyCashDecimalInput): Promise<Result<CashApplied>> {
  const amount = await paymentAmount(store, x.paymentId, x.amount);
  if (typeof amount === 'object') return { ok: false, error: amount };
  const id = x.id ?? `${x.paymentId}:${x.documentNumber}:${x.date}:${amount ?? 'all'}`;
  const res = await applyCash(store, {
    id,
    paymentId: x.paymentId,
    documentNumber: x.documentNumber,
    date: x.date,
    by: x.by,
    ...(amount !== undefined ? { amount } : {}),
  });
  return res.ok ? res : { ok: false, error: await paymentDecimalParams(store, x.paymentId, res.error) };
}
