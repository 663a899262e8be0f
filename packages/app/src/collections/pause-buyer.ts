import { type BusinessDate, collectionsState, fail, ok, pausedOn, type Result } from '@credence/core';
import type { Store } from '../ports';
import { required } from './event-support';

/** Pauses all dunning of a buyer until a date (inclusive), with why; `until` undefined resumes it now. */
export async function pauseBuyer(
  store: Store,
  x: { buyerId: string; until?: BusinessDate; reason: string; by: string },
  today: BusinessDate,
): Promise<Result<{ buyerId: string; until?: BusinessDate }>> {
  const reason = required('reason', x.reason);
  if (!reason.ok) return reason;
  if (x.until !== undefined && x.until < today) return fail('invalid_date', { value: x.until, reason: 'in_the_past' });
  return store.transact(async (tx) => {
    if ((await tx.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    const base = { buyerId: x.buyerId, date: today, by: x.by, reason: reason.value };
    if (x.until === undefined) {
      const state = collectionsState((await tx.collectionEvents(x.buyerId)).map((e) => e.event));
      if (!pausedOn(state, x.buyerId, today)) return fail('not_allowed', { reason: 'not_paused', id: x.buyerId });
      await tx.appendCollectionEvents([{ ...base, kind: 'resumed' }]);
      return ok({ buyerId: x.buyerId });
    }
    await tx.appendCollectionEvents([{ ...base, kind: 'paused', until: x.until }]);
    return ok({ buyerId: x.buyerId, until: x.until });
  });
}
