import {
  addDays,
  type BusinessDate,
  fail,
  ok,
  type Result,
  type Security,
  securitiesOf,
  securityInForce,
} from '@credence/core';
import type { LedgerReads } from '../ports';

export interface SecurityStatus extends Security {
  /** On the date: in force, not started yet, expired, or ended early. */
  readonly status: 'in_force' | 'future' | 'expired' | 'ended';
  /** In force and expiring within the policy's warning days: renew or replace it (a worklist action). */
  readonly expiring: boolean;
}

function statusOf(s: Security, asOf: BusinessDate): SecurityStatus['status'] {
  if (securityInForce(s, asOf)) return 'in_force';
  if (s.endedOn !== undefined && s.endedOn <= asOf) return 'ended';
  return s.validFrom > asOf ? 'future' : 'expired';
}

/** `security list`: a buyer's securities (or every buyer's) with their status on the date, the expiring ones marked. */
export async function listSecurities(
  store: LedgerReads,
  q: { readonly buyerId?: string; readonly asOf: BusinessDate; readonly warnDays: number },
): Promise<Result<SecurityStatus[]>> {
  if (q.buyerId !== undefined && (await store.getBuyer(q.buyerId)) === undefined)
    return fail('not_found', { what: 'buyer', id: q.buyerId });
  const events = q.buyerId !== undefined ? await store.securityEventsOf(q.buyerId) : await store.allSecurityEvents();
  const byBuyer = new Map<string, typeof events>();
  for (const e of events) byBuyer.set(e.buyerId, [...(byBuyer.get(e.buyerId) ?? []), e]);
  const horizon = addDays(q.asOf, q.warnDays);
  return ok(
    [...byBuyer.values()].flatMap((es) =>
      securitiesOf(es).map((s) => {
        const status = statusOf(s, q.asOf);
        return { ...s, status, expiring: status === 'in_force' && s.expiresOn !== undefined && s.expiresOn <= horizon };
      }),
    ),
  );
}
