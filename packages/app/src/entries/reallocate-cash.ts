import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import { contentHash } from '../hash';
import type { CashApplication, Store } from '../ports';
import { type CashApplied, cashApplicationKey, loadPayment, openOf, rerun, targetInvoice } from './cash-support';
import { lockPaymentLedger } from './ledger-lock';

export interface ReallocateCashInput {
  /** The reallocation's id (its idempotency key). */
  readonly id: string;
  readonly paymentId: string;
  /** The invoice the payment was applied to. */
  readonly from: string;
  /** The open invoice (same buyer and currency) it goes to instead. */
  readonly to: string;
  /** Minor units; default: as much as the payment applied to `from` and `to` has open. */
  readonly amount?: bigint;
  readonly date: BusinessDate;
  readonly by: string;
}

/**
 * Moves an amount a payment applied to one invoice over to another, append-only: a cash application entry
 * (with who did it) and two allocation rows under the payment's id dated at the reallocation date, +amount on
 * `from` (the applied amount reversed by an opposite row) and −amount on `to`. Nothing is updated.
 */
export async function reallocateCash(store: Store, input: ReallocateCashInput): Promise<Result<CashApplied>> {
  return store.transact(async (tx) => {
    await lockPaymentLedger(tx, input.paymentId);
    if (input.from === input.to) return fail('invalid_field', { reason: 'same_document', number: input.to });
    const again = await rerun(tx, { ...input, kind: 'reallocate' });
    if (again !== undefined) return again;
    const loaded = await loadPayment(tx, input.paymentId, input.date);
    if (!loaded.ok) return loaded;
    const { payment, unapplied, applied } = loaded.value;
    const onFrom = applied.get(input.from) ?? 0n;
    const target = await targetInvoice(tx, payment, input.to, input.date);
    if (!target.ok) return target;
    const { doc, open } = target.value;
    const amount = input.amount ?? (onFrom < open ? onFrom : open);
    const application: CashApplication = {
      id: input.id,
      kind: 'reallocate',
      paymentId: payment.id,
      from: input.from,
      to: doc.number,
      amount,
      date: input.date,
      by: input.by,
    };
    const hash = contentHash(application);
    if (onFrom <= 0n || amount > onFrom)
      return fail('invalid_amount', {
        reason: 'above_applied',
        value: amount.toString(),
        number: input.from,
        applied: onFrom.toString(),
      });
    if (open <= 0n || amount > open)
      return fail('invalid_amount', {
        reason: 'above_open',
        value: amount.toString(),
        number: doc.number,
        open: open.toString(),
      });
    if (amount <= 0n) return fail('invalid_amount', { reason: 'not_positive', value: amount.toString() });
    const fromBefore = await openOf(tx, payment.buyerId, input.from);
    await tx.insertCashApplications([
      { ...application, idempotencyKey: cashApplicationKey(input.id), contentHash: hash },
    ]);
    const row = { kind: 'payment' as const, entryId: payment.id, buyerId: payment.buyerId, currency: payment.currency };
    await tx.insertAllocations([
      { ...row, documentNumber: input.from, date: input.date, delta: amount },
      { ...row, documentNumber: doc.number, date: input.date, delta: -amount },
    ]);
    return ok({
      application,
      created: true,
      figures: {
        currency: payment.currency,
        unapplied: { before: unapplied, after: unapplied },
        documents: [
          { number: input.from, before: fromBefore, after: fromBefore + amount },
          { number: doc.number, before: open, after: open - amount },
        ],
      },
    });
  });
}
