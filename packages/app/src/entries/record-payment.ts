import { type Allocation, fail, ok, type Payment, type Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { paymentKey, paymentProblems } from './check-payment';
import { lockLedger } from './ledger-lock';
import { OpenBalances } from './open-balances';

export interface RecordedPayment {
  readonly payment: Payment;
  /** False when the same payment was already recorded (nothing written). */
  readonly created: boolean;
  readonly allocations: readonly Allocation[];
  readonly unapplied: bigint;
}

/**
 * Records one payment and allocates it like an imported one (named document, else oldest due first);
 * the rest stays unapplied. Same id and content again: nothing happens; other content: `idempotency_conflict`.
 */
export async function recordPayment(store: Store, payment: Payment): Promise<Result<RecordedPayment>> {
  if (payment.amount <= 0n) return fail('invalid_amount', { value: payment.amount.toString(), reason: 'not_positive' });
  const hash = contentHash(payment);
  return store.transact(async (tx) => {
    await lockLedger(tx, payment.buyerId);
    const [before] = await tx.findPayments([payment.id]);
    if (before !== undefined) {
      if (before.contentHash !== hash) return fail('idempotency_conflict', { key: paymentKey(payment.id) });
      const allocations = await tx.allocationsOf('payment', payment.id);
      const applied = allocations.reduce((s, a) => s - a.delta, 0n);
      return ok({ payment, created: false, allocations, unapplied: payment.amount - applied });
    }
    const buyer = await tx.getBuyer(payment.buyerId);
    const named = payment.documentNumber === undefined ? [] : await tx.findDocuments([payment.documentNumber]);
    const [problem] = paymentProblems(payment, buyer, named[0]);
    if (problem !== undefined) return fail(problem.code, { field: problem.field, ...problem.params });
    const plan = new OpenBalances(await tx.openInvoices([payment.buyerId])).allocate(payment);
    await tx.insertPayments([{ ...payment, idempotencyKey: paymentKey(payment.id), contentHash: hash }]);
    await tx.insertAllocations(plan.allocations);
    return ok({ payment, created: true, allocations: plan.allocations, unapplied: plan.unapplied });
  });
}
