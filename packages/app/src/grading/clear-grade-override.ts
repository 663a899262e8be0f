import { type BusinessDate, fail, type GradeOverrideEvent, ok, overrideInForce, type Result } from '@credence/core';
import type { Store } from '../ports';

/**
 * `grade clear-override`: removes the override in force today, with who and why (a new event: the override stays
 * in the history). The computed grade counts again from today. Without an override in force it is not allowed.
 */
export async function clearGradeOverride(
  store: Store,
  x: { readonly buyerId: string; readonly reason: string; readonly by: string },
  today: BusinessDate,
): Promise<Result<GradeOverrideEvent>> {
  if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
  return store.transact(async (tx) => {
    if ((await tx.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    if (overrideInForce(await tx.gradeOverridesOf(x.buyerId), today) === undefined)
      return fail('not_allowed', { reason: 'no_override', id: x.buyerId });
    return ok(
      await tx.appendGradeOverride({
        buyerId: x.buyerId,
        action: 'clear',
        reason: x.reason.trim(),
        by: x.by,
        recordedOn: today,
      }),
    );
  });
}
