import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import { contentHash } from '../hash';
import type { CashApplication, Store } from '../ports';
import { type CashApplied, cashApplicationKey, loadPayment, rerun, targetInvoice } from './cash-support';
import { lockPaymentLedger } from './ledger-lock';

export interface ApplyCashInput {
  /** The application's id (its idempotency key). */
  readonly id: string;
  readonly paymentId: string;
  readonly documentNumber: string;
  /** Minor units; default: as much as the payment has unapplied and the invoice has open. */
  readonly amount?: bigint;
  readonly date: BusinessDate;
  readonly by: string;
}

/**
 * Applies (part of) a payment's unapplied cash to an open invoice of the same buyer and currency: a cash
 * application entry (with who did it) and an allocation row −amount on the invoice under the payment's id,
 * dated at the application date. Append-only; the same id and content again changes nothing.
 */
export async function applyCash(store: Store, input: ApplyCashInput): Promise<Result<CashApplied>> {
  return store.transact(async (tx) => {
    await lockPaymentLedger(tx, input.paymentId);
    const { documentNumber, ...rest } = input;
    const again = await rerun(tx, { ...rest, kind: 'apply', to: documentNumber });
    if (again !== undefined) return again;
    const loaded = await loadPayment(tx, input.paymentId, input.date);
    if (!loaded.ok) return loaded;
    const { payment, unapplied } = loaded.value;
    const target = await targetInvoice(tx, payment, input.documentNumber, input.date);
    if (!target.ok) return target;
    const { doc, open } = target.value;
    const amount = input.amount ?? (unapplied < open ? unapplied : open);
    const application: CashApplication = {
      id: input.id,
      kind: 'apply',
      paymentId: payment.id,
      to: doc.number,
      amount,
      date: input.date,
      by: input.by,
    };
    const hash = contentHash(application);
    if (unapplied <= 0n || amount > unapplied)
      return fail('invalid_amount', {
        reason: 'above_unapplied',
        value: amount.toString(),
        unapplied: unapplied.toString(),
      });
    if (open <= 0n || amount > open)
      return fail('invalid_amount', {
        reason: 'above_open',
        value: amount.toString(),
        number: doc.number,
        open: open.toString(),
      });
    if (amount <= 0n) return fail('invalid_amount', { reason: 'not_positive', value: amount.toString() });
    await tx.insertCashApplications([
      { ...application, idempotencyKey: cashApplicationKey(input.id), contentHash: hash },
    ]);
    await tx.insertAllocations([
      {
        kind: 'payment',
        entryId: payment.id,
        documentNumber: doc.number,
        buyerId: payment.buyerId,
        date: input.date,
        delta: -amount,
        currency: payment.currency,
      },
    ]);
    return ok({
      application,
      created: true,
      figures: {
        currency: payment.currency,
        unapplied: { before: unapplied, after: unapplied - amount },
        documents: [{ number: doc.number, before: open, after: open - amount }],
      },
    });
  });
}
