import { addDays, type BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';

/** What secures a buyer's debts (docs/domain/credit-policy.md): guarantees, letters of credit, retention of title. */
export const SECURITY_KINDS = ['guarantee', 'letter_of_credit', 'retention_of_title'] as const;
export type SecurityKind = (typeof SECURITY_KINDS)[number];

/** A security as recorded: who gives it, for how much, from when to when (retention of title: a clause, no amount). */
export interface SecurityTerms {
  readonly kind: SecurityKind;
  /** The guarantor, the issuing bank; for retention of title the contract's party. */
  readonly issuer: string;
  /** Minor units of `currency`; none for retention of title. */
  readonly amount?: bigint;
  readonly currency?: CurrencyCode;
  readonly validFrom: BusinessDate;
  /** The last day it can be called on; none: open-ended. */
  readonly expiresOn?: BusinessDate;
  /** The contract it covers, when not every order of the buyer. */
  readonly contract?: string;
}

/** One change of a buyer's securities, append-only: a security added, or ended early (released, returned, called). */
export type SecurityDraft = {
  readonly buyerId: string;
  /** The security's reference (the guarantee's or the letter of credit's number), unique per buyer. */
  readonly securityId: string;
  readonly reason: string;
  readonly by: string;
  readonly recordedOn: BusinessDate;
} & (
  | { readonly action: 'add'; readonly terms: SecurityTerms }
  | { readonly action: 'end'; readonly endsOn: BusinessDate }
);

export type SecurityEvent = SecurityDraft & { readonly id: number };

export interface Security extends SecurityTerms {
  readonly buyerId: string;
  readonly securityId: string;
  readonly addedBy: string;
  readonly addedOn: BusinessDate;
  readonly reason: string;
  /** Ended before its expiry: no longer in force from this date. */
  readonly endedOn?: BusinessDate;
}

/** A buyer's securities from its events, in the order added (a later end applies to its security). */
export function securitiesOf(events: readonly SecurityEvent[]): Security[] {
  const out = new Map<string, Security>();
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    if (e.action === 'add')
      out.set(e.securityId, {
        ...e.terms,
        buyerId: e.buyerId,
        securityId: e.securityId,
        addedBy: e.by,
        addedOn: e.recordedOn,
        reason: e.reason,
      });
    else {
      const s = out.get(e.securityId);
      if (s !== undefined) out.set(e.securityId, { ...s, endedOn: e.endsOn });
    }
  }
  return [...out.values()];
}

/** In force on the date: started, not expired (the expiry day counts), not ended. */
export const securityInForce = (s: Security, asOf: BusinessDate): boolean =>
  s.validFrom <= asOf &&
  (s.expiresOn === undefined || asOf <= s.expiresOn) &&
  (s.endedOn === undefined || asOf < s.endedOn);

/** Securities in force that expire within `days` of the date (a worklist action: renew or replace it). */
export const expiringWithin = (securities: readonly Security[], asOf: BusinessDate, days: number): Security[] =>
  securities.filter((s) => securityInForce(s, asOf) && s.expiresOn !== undefined && s.expiresOn <= addDays(asOf, days));

/**
 * What renews a security: a later one of the same buyer, kind and contract — starting after it and by the day
 * after its expiry — that runs past it (expires later, or open-ended) and is not ended by then. One that started
 * with it runs beside it (two letters of credit for two shipments): not a renewal. Undefined: nothing replaces it.
 */
export function replacementOf(s: Security, securities: readonly Security[]): Security | undefined {
  if (s.expiresOn === undefined) return undefined;
  const next = addDays(s.expiresOn, 1);
  return securities.find(
    (o) =>
      o.securityId !== s.securityId &&
      o.buyerId === s.buyerId &&
      o.kind === s.kind &&
      o.contract === s.contract &&
      o.validFrom > s.validFrom &&
      o.validFrom <= next &&
      (o.expiresOn === undefined || o.expiresOn > (s.expiresOn as BusinessDate)) &&
      (o.endedOn === undefined || o.endedOn > next),
  );
}

/** The securities expiring within `days` (`expiringWithin`) that no renewal replaces (`replacementOf`). */
export const expiringUnreplaced = (securities: readonly Security[], asOf: BusinessDate, days: number): Security[] =>
  expiringWithin(securities, asOf, days).filter((s) => replacementOf(s, securities) === undefined);
