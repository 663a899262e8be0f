import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';

/**
 * The life of a buyer's credit limit, as append-only events (the audit trail): someone requests an amount,
 * an approver approves it (possibly lower) or rejects it, or sets a limit directly; a temporary limit runs
 * until its expiry date. Nothing is edited: a change is a new event.
 */
export interface LimitEvent {
  /** Assigned by the store, in recording order. */
  readonly id: number;
  readonly buyerId: string;
  readonly kind: 'request' | 'approval' | 'rejection' | 'temporary';
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  /** From when the limit applies (approval, temporary) or is wanted (request). */
  readonly validFrom: BusinessDate;
  /** Last day of a temporary limit. */
  readonly expiresOn?: BusinessDate;
  /** Who requested, approved or rejected it. */
  readonly by: string;
  readonly reason: string;
  /** The request an approval or rejection answers. */
  readonly requestId?: number;
  /** The business date it was recorded on. */
  readonly recordedOn: BusinessDate;
}

export interface CurrentLimit {
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly kind: 'approved' | 'temporary';
  readonly since: BusinessDate;
  readonly expiresOn?: BusinessDate;
  readonly approvedBy: string;
  readonly eventId: number;
}

export interface LimitState {
  /** The limit in force on the date: a running temporary limit, else the latest approval. */
  readonly current?: CurrentLimit;
  /** A temporary limit ended by the date with no approval to fall back on. */
  readonly expired?: { readonly amount: bigint; readonly currency: CurrencyCode; readonly expiredOn: BusinessDate };
  /** Requests not yet answered. */
  readonly pending: readonly LimitEvent[];
}

const later = (a: LimitEvent, b: LimitEvent) => (a.validFrom !== b.validFrom ? a.validFrom > b.validFrom : a.id > b.id);

/** The limit state of a buyer as of a date, from its events (recorded up to any date). */
export function limitState(events: readonly LimitEvent[], asOf: BusinessDate): LimitState {
  let approval: LimitEvent | undefined;
  let temporary: LimitEvent | undefined;
  let lastTemporary: LimitEvent | undefined;
  const answered = new Set<number>();
  for (const e of events) {
    if (e.requestId !== undefined) answered.add(e.requestId);
    if (e.validFrom > asOf) continue;
    if (e.kind === 'approval' && (approval === undefined || later(e, approval))) approval = e;
    if (e.kind === 'temporary') {
      if (lastTemporary === undefined || later(e, lastTemporary)) lastTemporary = e;
      if ((e.expiresOn ?? e.validFrom) >= asOf && (temporary === undefined || later(e, temporary))) temporary = e;
    }
  }
  const pending = events.filter((e) => e.kind === 'request' && !answered.has(e.id));
  const chosen = temporary ?? approval;
  const current: CurrentLimit | undefined =
    chosen === undefined
      ? undefined
      : {
          amount: chosen.amount,
          currency: chosen.currency,
          kind: chosen.kind === 'temporary' ? 'temporary' : 'approved',
          since: chosen.validFrom,
          ...(chosen.expiresOn !== undefined ? { expiresOn: chosen.expiresOn } : {}),
          approvedBy: chosen.by,
          eventId: chosen.id,
        };
  const expired =
    current === undefined && lastTemporary !== undefined
      ? {
          amount: lastTemporary.amount,
          currency: lastTemporary.currency,
          expiredOn: lastTemporary.expiresOn ?? lastTemporary.validFrom,
        }
      : undefined;
  return { ...(current ? { current } : {}), ...(expired ? { expired } : {}), pending };
}
