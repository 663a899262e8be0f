import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import type { DeliveryConfirmation } from './ports';

export interface ConfirmDelivery {
  readonly document: string;
  /** The delivery date the proof shows. */
  readonly date: BusinessDate;
  readonly ref?: string;
  readonly by: string;
}

/**
 * Records the proof of delivery of an invoice (`credence delivery confirm DOC --date D [--ref R]`), audited.
 * Once per invoice: the same confirmation again is a no-op (`created: false`); another one is refused
 * (`already_confirmed`). An unknown document is `not_found`, a credit note or a date after today (or before the invoice) `invalid_field`.
 */
export async function confirmDelivery(
  store: Store,
  x: ConfirmDelivery,
  today: BusinessDate,
): Promise<Result<{ readonly confirmation: DeliveryConfirmation; readonly created: boolean }>> {
  const [doc] = await store.findDocuments([x.document]);
  if (doc === undefined) return fail('not_found', { what: 'document', id: x.document });
  if (doc.type !== 'invoice')
    return fail('invalid_field', { field: 'document', value: x.document, reason: 'not an invoice' });
  if (x.date > today) return fail('invalid_field', { field: 'date', value: x.date, reason: 'after today' });
  if (x.date < doc.issueDate)
    return fail('invalid_field', { field: 'date', value: x.date, reason: 'before the invoice date' });
  const confirmation: DeliveryConfirmation = {
    document: doc.number,
    buyerId: doc.buyerId,
    deliveredOn: x.date,
    ...(x.ref !== undefined && x.ref !== '' ? { ref: x.ref } : {}),
    by: x.by,
    recordedOn: today,
  };
  return store.transact(async (tx) => {
    const [before] = await tx.deliveryConfirmations([doc.number]);
    if (before !== undefined) {
      const same = before.deliveredOn === confirmation.deliveredOn && before.ref === confirmation.ref;
      return same
        ? ok({ confirmation: before, created: false })
        : fail('idempotency_conflict', {
            key: `delivery of ${doc.number} (confirmed as delivered ${before.deliveredOn})`,
            reason: 'already_confirmed',
            document: doc.number,
            deliveredOn: before.deliveredOn,
          });
    }
    await tx.insertDeliveryConfirmation(confirmation);
    return ok({ confirmation, created: true });
  });
}
