import {
  type BusinessDate,
  type CollectionEvent,
  type CollectionsState,
  type DunnableItem,
  minDate,
  pausedOn,
  planOutcome,
  promiseEnd,
  promiseOutcome,
} from '@credence/core';
import type { LedgerReads } from '../ports';

/** What the day's commitments do to dunning, and the outcomes to record. */
export interface CommitmentsToday {
  readonly excluded: Map<string, 'disputed' | 'promised' | 'plan'>;
  readonly escalate: Set<string>;
  readonly paused: Set<string>;
  /** Promises kept or broken and plans broken or completed today, to record with the run. */
  readonly events: CollectionEvent[];
}

const BY = 'dunning run';

/**
 * Open disputes hold their documents; a promise holds its documents (all the buyer's items in its currency when
 * it names none) until its date plus grace, is kept once paid and broken when not, then escalated; an active
 * plan holds its documents, a missed instalment breaks it (escalated); paused buyers are held.
 */
export async function commitmentsOn(
  store: LedgerReads,
  state: CollectionsState,
  items: readonly DunnableItem[],
  asOf: BusinessDate,
): Promise<CommitmentsToday> {
  const out: CommitmentsToday = { excluded: new Map(), escalate: new Set(), paused: new Set(), events: [] };
  for (const d of state.disputes.values())
    if ((d.resolution === undefined || d.resolution.date > asOf) && d.date <= asOf)
      for (const n of d.documents) out.excluded.set(n, 'disputed');
  for (const p of state.promises.values()) {
    if (p.status !== 'open' || p.date > asOf) continue;
    const covered =
      p.documents.length > 0
        ? p.documents
        : items.filter((i) => i.buyerId === p.buyerId && i.currency === p.currency).map((i) => i.number);
    const end = minDate(asOf, promiseEnd(p));
    const paid =
      p.documents.length > 0
        ? (await store.documentReductions(p.documents, end))
            .filter((r) => r.date >= p.date)
            .reduce((s, r) => s + r.amount, 0n)
        : (await store.paymentsOf(p.buyerId))
            .filter((x) => x.currency === p.currency && x.date >= p.date && x.date <= end)
            .reduce((s, x) => s + x.amount, 0n);
    const outcome = promiseOutcome(p, paid, asOf);
    if (outcome === 'open') for (const n of covered) out.excluded.set(n, 'promised');
    else
      out.events.push({
        kind: outcome === 'kept' ? 'promise_kept' : 'promise_broken',
        id: p.id,
        buyerId: p.buyerId,
        date: asOf,
        by: BY,
      });
    if (outcome === 'broken') for (const n of covered) out.escalate.add(n);
  }
  const open = new Map(items.map((i) => [i.number, i.open]));
  for (const plan of state.plans.values()) {
    if (plan.status !== 'active' || plan.date > asOf) continue;
    const outcome = planOutcome(
      plan,
      plan.documents.reduce((s, n) => s + (open.get(n) ?? 0n), 0n),
      asOf,
    );
    const base = { id: plan.id, buyerId: plan.buyerId, date: asOf, by: BY };
    if (outcome.status === 'active') for (const n of plan.documents) out.excluded.set(n, 'plan');
    else if (outcome.status === 'completed') out.events.push({ ...base, kind: 'plan_completed' });
    else {
      out.events.push({ ...base, kind: 'plan_broken', missed: outcome.missed });
      for (const n of plan.documents) out.escalate.add(n);
    }
  }
  for (const buyerId of new Set(items.map((i) => i.buyerId)))
    if (pausedOn(state, buyerId, asOf)) out.paused.add(buyerId);
  return out;
}
