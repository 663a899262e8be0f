import type { BusinessDate } from '../calendar';
import type { CollectionEvent, DisputeOutcome, Instalment } from './events';

type Of<K extends CollectionEvent['kind']> = Extract<CollectionEvent, { kind: K }>;

export interface Dispute extends Omit<Of<'dispute_opened'>, 'kind'> {
  readonly resolution?: Omit<Of<'dispute_resolved'>, 'kind' | 'id' | 'buyerId'> & { readonly outcome: DisputeOutcome };
}

export type CommitmentStatus = 'open' | 'kept' | 'broken';

export interface PromiseToPay extends Omit<Of<'promise_made'>, 'kind'> {
  readonly status: CommitmentStatus;
  /** When it was found kept or broken. */
  readonly settledOn?: BusinessDate;
}

export interface PaymentPlan extends Omit<Of<'plan_created'>, 'kind'> {
  readonly status: 'active' | 'broken' | 'completed';
  readonly endedOn?: BusinessDate;
  readonly missed?: BusinessDate;
  readonly instalments: readonly Instalment[];
}

export interface Pause {
  readonly buyerId: string;
  readonly from: BusinessDate;
  readonly until: BusinessDate;
  readonly reason: string;
  readonly by: string;
}

export interface CollectionsState {
  readonly disputes: ReadonlyMap<string, Dispute>;
  readonly promises: ReadonlyMap<string, PromiseToPay>;
  readonly plans: ReadonlyMap<string, PaymentPlan>;
  /** The pause in force per buyer as the events leave it (the last `paused` not followed by `resumed`). */
  readonly pauses: ReadonlyMap<string, Pause>;
}

/** Folds the events, in recording order, into disputes, promises, plans and pauses. */
export function collectionsState(events: readonly CollectionEvent[]): CollectionsState {
  const disputes = new Map<string, Dispute>();
  const promises = new Map<string, PromiseToPay>();
  const plans = new Map<string, PaymentPlan>();
  const pauses = new Map<string, Pause>();
  for (const e of events) {
    switch (e.kind) {
      case 'dispute_opened': {
        const { kind: _, ...d } = e;
        disputes.set(e.id, d);
        break;
      }
      case 'dispute_resolved': {
        const d = disputes.get(e.id);
        const { kind: _k, id: _i, buyerId: _b, ...resolution } = e;
        if (d) disputes.set(e.id, { ...d, resolution });
        break;
      }
      case 'promise_made': {
        const { kind: _, ...p } = e;
        promises.set(e.id, { ...p, status: 'open' });
        break;
      }
      case 'promise_kept':
      case 'promise_broken': {
        const p = promises.get(e.id);
        if (p) promises.set(e.id, { ...p, status: e.kind === 'promise_kept' ? 'kept' : 'broken', settledOn: e.date });
        break;
      }
      case 'plan_created': {
        const { kind: _, ...p } = e;
        plans.set(e.id, { ...p, status: 'active' });
        break;
      }
      case 'plan_broken':
      case 'plan_completed': {
        const p = plans.get(e.id);
        const status = e.kind === 'plan_broken' ? 'broken' : 'completed';
        if (p) plans.set(e.id, { ...p, status, endedOn: e.date, ...(e.missed ? { missed: e.missed } : {}) });
        break;
      }
      case 'paused':
        pauses.set(e.buyerId, { buyerId: e.buyerId, from: e.date, until: e.until, reason: e.reason, by: e.by });
        break;
      case 'resumed':
        pauses.delete(e.buyerId);
        break;
      default:
        break;
    }
  }
  return { disputes, promises, plans, pauses };
}

/** Whether a buyer is paused on a date. */
export const pausedOn = (state: CollectionsState, buyerId: string, asOf: BusinessDate): Pause | undefined => {
  const p = state.pauses.get(buyerId);
  return p && p.from <= asOf && asOf <= p.until ? p : undefined;
};
