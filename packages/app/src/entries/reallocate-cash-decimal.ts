import type { BusinessDate, Result } from '@credence/core';
import type { Store } from '../ports';
import type { CashApplied } from './cash-support';
import { paymentAmount, paymentDecimalParams } from './decimal-amounts';
import { reallocateCash } from './reallocate-cash';

export interface ReallocateCashDecimalInput {
  readonly paymentId: string;
  /** The invoice the payment was applied to. */
  readonly from: string;
  /** The open invoice it goes to instead. */
  readonly to: string;
  /** A decimal in the payment's currency; default: as much as was applied to `from` and `to` has open. */
  readonly amount?: string;
  readonly date: BusinessDate;
  /** The idempotency key; default: payment, invoices, date and amount. */
  readonly id?: string;
  readonly by: string;
}

/**
 * `payment reallocate` (and its HTTP twin): `reallocateCash` with the amount as a decimal in the payment's
 * currency and a default id; failures carry their amounts as decimals.
 */
export async function reallocateCashDecimal(store: Store, x: ReallocateCashDecimalInput): Promise<Result<CashApplied>> {
  const amount = await paymentAmount(store, x.paymentId, x.amount);
  if (typeof amount === 'object') return { ok: false, error: amount };
  const id = x.id ?? `${x.paymentId}:${x.from}>${x.to}:${x.date}:${amount ?? 'all'}`;
  const res = await reallocateCash(store, {
    id,
    paymentId: x.paymentId,
    from: x.from,
    to: x.to,
    date: x.date,
    by: x.by,
    ...(amount !== undefined ? { amount } : {}),
  });
  return res.ok ? res : { ok: false, error: await paymentDecimalParams(store, x.paymentId, res.error) };
}
