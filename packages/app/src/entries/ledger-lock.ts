import type { LedgerWrites } from '../ports';

/**
 * The lock key of one buyer's ledger: the use cases that read open balances or unapplied cash, then allocate,
 * hold it for their transaction, so two requests at once cannot both settle the same open amount.
 */
export const ledgerKey = (buyerId: string): string => `ledger:${buyerId}`;

/** The namespace of every buyer's ledger lock, held exclusively by bulk imports that settle many buyers at once. */
const LEDGERS = 'ledgers';

/** Holds one buyer's ledger (and the ledgers' namespace shared, so a bulk import waits for this transaction). */
export const lockLedger = (tx: Pick<LedgerWrites, 'lock'>, buyerId: string): Promise<void> =>
  tx.lock(ledgerKey(buyerId), LEDGERS);

/**
 * Holds every buyer's ledger: waits for the transactions holding one (payments, write-offs, reversals, cash
 * decisions) and keeps new ones out until the end of this transaction. Taken by the bulk imports just before they
 * read open balances to allocate, so a payment recorded meanwhile cannot settle the same open amount twice.
 */
export const lockAllLedgers = (tx: Pick<LedgerWrites, 'lockAll'>): Promise<void> => tx.lockAll(LEDGERS);

/** Takes the ledger lock of the buyer of a stored payment (none if it is not stored: nothing to allocate). */
export async function lockPaymentLedger(tx: LedgerWrites, paymentId: string): Promise<void> {
  const [payment] = await tx.findPayments([paymentId]);
  if (payment !== undefined) await lockLedger(tx, payment.buyerId);
}

/** Takes the ledger lock of the buyer of a stored document (none if it is not stored). */
export async function lockDocumentLedger(tx: LedgerWrites, documentNumber: string): Promise<void> {
  const [doc] = await tx.findDocuments([documentNumber]);
  if (doc !== undefined) await lockLedger(tx, doc.buyerId);
}
