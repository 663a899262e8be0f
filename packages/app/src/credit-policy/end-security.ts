import { type BusinessDate, fail, ok, type Result, type SecurityEvent, securitiesOf } from '@credence/core';
import type { Store } from '../ports';

/**
 * `security end`: a security released, returned or called before its expiry — no longer in force from `endsOn`
 * (default: today). Audited, with who and why; a security ends once.
 */
export async function endSecurity(
  store: Store,
  x: {
    readonly buyerId: string;
    readonly securityId: string;
    readonly endsOn?: BusinessDate;
    readonly reason: string;
    readonly by: string;
  },
  today: BusinessDate,
): Promise<Result<SecurityEvent>> {
  if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  return store.transact(async (tx) => {
    await tx.lock(`security:${x.buyerId}`);
    const s = securitiesOf(await tx.securityEventsOf(x.buyerId)).find((v) => v.securityId === x.securityId);
    if (s === undefined) return fail('not_found', { what: 'security', id: x.securityId });
    if (s.endedOn !== undefined) return fail('not_allowed', { reason: 'already_ended', endedOn: s.endedOn });
    const endsOn = x.endsOn ?? today;
    if (endsOn < s.validFrom) return fail('invalid_date', { field: 'endsOn', reason: 'before validFrom' });
    return ok(
      await tx.appendSecurityEvent({
        buyerId: x.buyerId,
        securityId: x.securityId,
        action: 'end',
        endsOn,
        reason: x.reason.trim(),
        by: x.by,
        recordedOn: today,
      }),
    );
  });
}
