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
import { eventsKey } from './event-support';

export type DisputeResolution = Extract<CollectionEvent, { kind: 'dispute_resolved' }>;

/**
 * Resolves an open dispute: by a credit note for the whole claim or for the part accepted (partial acceptance) —
 * the credit note, imported from the invoicing system, must be the buyer's and correct a disputed invoice — or by
 * rejection. Dunning resumes on what is still open, from the level it had reached.
 */
export async function resolveDispute(
  store: Store,
  x: { id: string; outcome: DisputeOutcome; creditNote?: string; notes: string; by: string },
  today: BusinessDate,
): Promise<Result<DisputeResolution>> {
  return store.transact(async (tx) => {
    // The disputes' lock: resolved once, and a credit note resolves one dispute, under concurrent requests too.
    await tx.lock(eventsKey('dispute_opened'));
    const state = collectionsState((await tx.collectionEvents()).map((e) => e.event));
    const dispute = state.disputes.get(x.id);
    if (dispute === undefined) return fail('not_found', { what: 'dispute', id: x.id });
    if (dispute.resolution !== undefined) return fail('not_allowed', { reason: 'already_resolved', id: x.id });
    let accepted: bigint | undefined;
    if (x.outcome !== 'rejected') {
      // What is accepted is credited in the invoicing system: the credit note, of this buyer, correcting one of
      // the disputed invoices (or none, then it is a credit set off in the letters).
      if (x.creditNote === undefined)
        return fail('missing_field', {
          field: 'creditNote',
          when: `outcome ${x.outcome} names the credit note issued`,
        });
      const [cn] = await tx.findDocuments([x.creditNote]);
      if (cn === undefined) return fail('unknown_document', { number: x.creditNote });
      if (cn.type !== 'credit_note') return fail('invalid_field', { reason: 'not_a_credit_note', number: cn.number });
      const usedBy = [...state.disputes.values()].find((d) => d.resolution?.creditNote === cn.number);
      if (usedBy) return fail('not_allowed', { reason: 'credit_note_used', number: cn.number, id: usedBy.id });
      if (cn.buyerId !== dispute.buyerId)
        return fail('invalid_field', { reason: 'other_buyer', number: cn.number, buyerId: cn.buyerId });
      if (cn.appliesTo !== undefined && !dispute.documents.includes(cn.appliesTo))
        return fail('invalid_field', {
          reason: 'credit_note_elsewhere',
          number: cn.number,
          value: cn.appliesTo,
          id: x.id,
        });
      accepted = cn.amount;
    }
    const event: DisputeResolution = {
      kind: 'dispute_resolved',
      id: x.id,
      buyerId: dispute.buyerId,
      date: today,
      by: x.by,
      outcome: x.outcome,
      ...(x.outcome !== 'rejected' && x.creditNote ? { creditNote: x.creditNote } : {}),
      ...(accepted !== undefined ? { accepted } : {}),
      notes: x.notes,
    };
    await tx.appendCollectionEvents([event]);
    return ok(event);
  });
}
