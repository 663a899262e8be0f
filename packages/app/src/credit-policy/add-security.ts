import {
  type BusinessDate,
  fail,
  ok,
  type Result,
  type SecurityEvent,
  type SecurityTerms,
  securitiesOf,
} from '@credence/core';
import type { Store } from '../ports';

export interface AddSecurity {
  readonly buyerId: string;
  readonly securityId: string;
  readonly terms: SecurityTerms;
  readonly reason: string;
  readonly by: string;
}

const same = (a: SecurityTerms, b: SecurityTerms) =>
  a.kind === b.kind &&
  a.issuer === b.issuer &&
  a.amount === b.amount &&
  a.currency === b.currency &&
  a.validFrom === b.validFrom &&
  a.expiresOn === b.expiresOn &&
  a.contract === b.contract;

/** The terms' own rules: an amount for a guarantee or a letter of credit (none for retention of title), dates in order. */
export function checkSecurityTerms(t: SecurityTerms): Result<SecurityTerms> {
  if (t.issuer.trim() === '') return fail('missing_field', { field: 'issuer' });
  const amounted = t.kind !== 'retention_of_title';
  if (amounted && (t.amount === undefined || t.currency === undefined))
    return fail('missing_field', { field: 'amount', kind: t.kind });
  if (!amounted && t.amount !== undefined)
    return fail('invalid_field', { field: 'amount', reason: 'retention of title is a clause: no amount' });
  if (t.amount !== undefined && t.amount <= 0n)
    return fail('invalid_amount', { field: 'amount', reason: 'not_positive' });
  if (t.expiresOn !== undefined && t.expiresOn < t.validFrom)
    return fail('invalid_date', { field: 'expiresOn', reason: 'before validFrom' });
  return ok(t);
}

/**
 * `security add`: records a buyer's guarantee, letter of credit or retention-of-title clause, with who and why
 * (audited). Its reference is unique per buyer: the same security again is a no-op (an idempotent rerun), other
 * terms under the same reference a conflict.
 */
export async function addSecurity(store: Store, x: AddSecurity, today: BusinessDate): Promise<Result<SecurityEvent>> {
  if (x.securityId.trim() === '') return fail('missing_field', { field: 'securityId' });
  if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  const terms = checkSecurityTerms(x.terms);
  if (!terms.ok) return terms;
  if ((await store.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
  return store.transact(async (tx) => {
    await tx.lock(`security:${x.buyerId}`);
    const events = await tx.securityEventsOf(x.buyerId);
    const before = events.find((e) => e.action === 'add' && e.securityId === x.securityId);
    if (before !== undefined) {
      const was = securitiesOf([before])[0];
      return was !== undefined && same(was, x.terms)
        ? ok(before)
        : fail('idempotency_conflict', { what: 'security', id: x.securityId });
    }
    return ok(
      await tx.appendSecurityEvent({
        buyerId: x.buyerId,
        securityId: x.securityId,
        action: 'add',
        terms: x.terms,
        reason: x.reason.trim(),
        by: x.by,
        recordedOn: today,
      }),
    );
  });
}
