import { type BusinessDate, fail, type HoldEvent, holdInForce, ok, type Result } from '@credence/core';
import type { Store } from '../ports';

/** Puts a buyer on credit hold (暂停供货: no shipping on credit) or releases it, with who and why. */
export async function setCreditHold(
  store: Store,
  x: { readonly buyerId: string; readonly hold: boolean; readonly reason: string; readonly by: string },
  today: BusinessDate,
): Promise<Result<HoldEvent>> {
  if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
  return store.transact(async (tx) => {
    if ((await tx.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    const inForce = holdInForce(await tx.holdsOf(x.buyerId), today) !== undefined;
    if (inForce === x.hold)
      return fail('not_allowed', { reason: x.hold ? 'already_on_hold' : 'not_on_hold', id: x.buyerId });
    return ok(
      await tx.appendHold({
        buyerId: x.buyerId,
        action: x.hold ? 'hold' : 'release',
        reason: x.reason,
        by: x.by,
        recordedOn: today,
      }),
    );
  });
}
