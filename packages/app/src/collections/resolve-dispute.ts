import {
  type BusinessDate,
  type CollectionEvent,
  collectionsState,
  type DisputeOutcome,
  fail,
  ok,
  type Result,
} from '@credence/core';
import type { Store } from '../ports';

export type DisputeResolution = Extract<CollectionEvent, { kind: 'dispute_resolved' }>;

/**
 * Resolves an open dispute: by a credit note (which must be recorded for the buyer), by partial acceptance
 * (the amount accepted), or by rejection. Dunning resumes on what is still open, from the level it had reached.
 */
export async function resolveDispute(
  store: Store,
  x: { id: string; outcome: DisputeOutcome; creditNote?: string; accepted?: bigint; notes: string; by: string },
  today: BusinessDate,
): Promise<Result<DisputeResolution>> {
  return store.transact(async (tx) => {
    const dispute = collectionsState((await tx.collectionEvents()).map((e) => e.event)).disputes.get(x.id);
    if (dispute === undefined) return fail('not_found', { what: 'dispute', id: x.id });
    if (dispute.resolution !== undefined) return fail('not_allowed', { reason: 'already_resolved', id: x.id });
    if (x.outcome === 'credit_note') {
      if (x.creditNote === undefined) return fail('missing_field', { field: 'credit-note' });
      const [cn] = await tx.findDocuments([x.creditNote]);
      if (cn === undefined || cn.type !== 'credit_note') return fail('unknown_document', { number: x.creditNote });
      if (cn.buyerId !== dispute.buyerId)
        return fail('invalid_field', { reason: 'other_buyer', number: cn.number, buyerId: cn.buyerId });
    }
    if (x.outcome === 'partial' && (x.accepted === undefined || x.accepted <= 0n))
      return fail('missing_field', { field: 'accepted' });
    const event: DisputeResolution = {
      kind: 'dispute_resolved',
      id: x.id,
      buyerId: dispute.buyerId,
      date: today,
      by: x.by,
      outcome: x.outcome,
      ...(x.outcome === 'credit_note' && x.creditNote ? { creditNote: x.creditNote } : {}),
      ...(x.outcome === 'partial' && x.accepted !== undefined ? { accepted: x.accepted } : {}),
      notes: x.notes,
    };
    await tx.appendCollectionEvents([event]);
    return ok(event);
  });
}
