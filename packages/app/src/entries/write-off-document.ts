import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store, WriteOff } from '../ports';
import { lockDocumentLedger } from './ledger-lock';

export interface WriteOffInput {
  readonly id: string;
  readonly documentNumber: string;
  readonly date: BusinessDate;
  /** Minor units; default: the invoice's whole open balance. */
  readonly amount?: bigint;
  readonly reason: string;
}

export const writeOffKey = (id: string): string => `write_off:${id}`;

/**
 * Writes off (part of) an invoice's open balance: a write-off entry and an allocation row −amount dated
 * at the write-off date. Re-running the same write-off changes nothing; the same id with other content
 * is an `idempotency_conflict`.
 */
export async function writeOffDocument(
  store: Store,
  input: WriteOffInput,
): Promise<Result<{ writeOff: WriteOff; created: boolean }>> {
  // The why is kept with the entry and in the audit trail: a write-off without one is refused.
  if (input.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  return store.transact(async (tx) => {
    await lockDocumentLedger(tx, input.documentNumber);
    const [before] = await tx.findWriteOffs([input.id]);
    if (before !== undefined) {
      const same =
        before.documentNumber === input.documentNumber &&
        before.date === input.date &&
        before.reason === input.reason &&
        (input.amount === undefined || input.amount === before.amount);
      if (!same) return fail('idempotency_conflict', { key: writeOffKey(input.id) });
      const { idempotencyKey: _k, contentHash: _h, ...writeOff } = before;
      return ok({ writeOff, created: false });
    }
    const [doc] = await tx.findDocuments([input.documentNumber]);
    if (doc === undefined || doc.type !== 'invoice') {
      return fail('unknown_document', { documentNumber: input.documentNumber });
    }
    if (input.date < doc.issueDate) return fail('invalid_date', { value: input.date, reason: 'before_issue' });
    const open = (await tx.openInvoices([doc.buyerId])).find((i) => i.number === doc.number)?.open ?? 0n;
    const amount = input.amount ?? open;
    if (amount <= 0n || amount > open) {
      return fail('invalid_amount', { value: amount.toString(), reason: 'not_within_open', open: open.toString() });
    }
    const writeOff: WriteOff = { ...input, amount };
    await tx.insertWriteOffs([
      { ...writeOff, idempotencyKey: writeOffKey(input.id), contentHash: contentHash(writeOff) },
    ]);
    await tx.insertAllocations([
      {
        kind: 'write_off',
        entryId: input.id,
        documentNumber: doc.number,
        buyerId: doc.buyerId,
        date: input.date,
        delta: -amount,
        currency: doc.currency,
      },
    ]);
    return ok({ writeOff, created: true });
  });
}
