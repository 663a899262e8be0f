import type { LedgerWrites } from '../ports';

/**
 * The lock key of one buyer's ledger: the use cases that read open balances or unapplied cash, then allocate,
 * hold it for their transaction, so two requests at once cannot both settle the same open amount.
 */
export const ledgerKey = (buyerId: string): string => `ledger:${buyerId}`;

/** Takes the ledger lock of the buyer of a stored payment (none if it is not stored: nothing to allocate). */
export async function lockPaymentLedger(tx: LedgerWrites, paymentId: string): Promise<void> {
  const [payment] = await tx.findPayments([paymentId]);
  if (payment !== undefined) await tx.lock(ledgerKey(payment.buyerId));
}

/** Takes the ledger lock of the buyer of a stored document (none if it is not stored). */
export async function lockDocumentLedger(tx: LedgerWrites, documentNumber: string): Promise<void> {
  const [doc] = await tx.findDocuments([documentNumber]);
  if (doc !== undefined) await tx.lock(ledgerKey(doc.buyerId));
}
