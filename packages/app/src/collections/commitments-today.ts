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
 * it names none) until its date plus grace, is kept once paid and broken when not; an active plan holds its
 * documents, a missed instalment breaks it; paused buyers are held. The documents of a broken promise or plan
 * are escalated until they get a letter dated on or after the break (so a break found while the item is held
 * still escalates it at the next run that letters it).
 */
export async function commitmentsOn(
  store: LedgerReads,
  state: CollectionsState,
  items: readonly DunnableItem[],
  asOf: BusinessDate,
  lastLetters: ReadonlyMap<string, { asOf: BusinessDate }>,
): Promise<CommitmentsToday> {
  const out: CommitmentsToday = { excluded: new Map(), escalate: new Set(), paused: new Set(), events: [] };
  const escalateSince = (numbers: readonly string[], broken: BusinessDate) => {
    for (const n of numbers) if ((lastLetters.get(n)?.asOf ?? '') < broken) out.escalate.add(n);
  };
  // What the open promises and active plans need, read once for all of them (not one read per commitment).
  const promises = [...state.promises.values()].filter((p) => p.status === 'open' && p.date <= asOf);
  const plans = [...state.plans.values()].filter((p) => p.status === 'active' && p.date <= asOf);
  const named = [...new Set([...promises.flatMap((p) => p.documents), ...plans.flatMap((p) => p.documents)])];
  const planned = [...new Set(plans.flatMap((p) => p.documents))];
  const [reductions, documents] = await Promise.all([
    named.length === 0 ? [] : store.documentReductions(named, asOf),
    planned.length === 0 ? [] : store.findDocuments(planned),
  ]);
  const reducedOf = new Map<string, typeof reductions>();
  for (const r of reductions) reducedOf.set(r.number, [...(reducedOf.get(r.number) ?? []), r]);
  const faceOf = new Map(documents.map((d) => [d.number, d.type === 'invoice' ? d.amount : -d.amount]));
  /** Open balances of documents as of the date: face value less what reduced them by then. */
  const openOf = (numbers: readonly string[]) =>
    numbers.reduce(
      (s, n) => s + (faceOf.get(n) ?? 0n) - (reducedOf.get(n) ?? []).reduce((t, r) => t + r.amount, 0n),
      0n,
    );
  const paymentsOf = new Map<string, ReturnType<LedgerReads['paymentsOf']>>();
  for (const d of state.disputes.values())
    if ((d.resolution === undefined || d.resolution.date > asOf) && d.date <= asOf)
      for (const n of d.documents) out.excluded.set(n, 'disputed');
  for (const p of state.promises.values()) {
    const covered =
      p.documents.length > 0
        ? p.documents
        : items.filter((i) => i.buyerId === p.buyerId && i.currency === p.currency).map((i) => i.number);
    if (p.status === 'broken' && p.settledOn !== undefined) escalateSince(covered, p.settledOn);
    if (p.status !== 'open' || p.date > asOf) continue;
    const end = minDate(asOf, promiseEnd(p));
    const paid =
      p.documents.length > 0
        ? p.documents
            .flatMap((n) => reducedOf.get(n) ?? [])
            .filter((r) => r.date >= p.date && r.date <= end)
            .reduce((s, r) => s + r.amount, 0n)
        : // A promise on all the buyer's items: its payments, read once per such buyer.
          (await cached(paymentsOf, p.buyerId, () => store.paymentsOf(p.buyerId)))
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
    if (outcome === 'broken') escalateSince(covered, asOf);
  }
  for (const plan of state.plans.values()) {
    if (plan.status === 'broken' && plan.endedOn !== undefined) escalateSince(plan.documents, plan.endedOn);
    if (plan.status !== 'active' || plan.date > asOf) continue;
    const outcome = planOutcome(plan, openOf(plan.documents), asOf);
    const base = { id: plan.id, buyerId: plan.buyerId, date: asOf, by: BY };
    if (outcome.status === 'active') for (const n of plan.documents) out.excluded.set(n, 'plan');
    else if (outcome.status === 'completed') out.events.push({ ...base, kind: 'plan_completed' });
    else {
      out.events.push({ ...base, kind: 'plan_broken', missed: outcome.missed });
      escalateSince(plan.documents, asOf);
    }
  }
  for (const buyerId of new Set(items.map((i) => i.buyerId)))
    if (pausedOn(state, buyerId, asOf)) out.paused.add(buyerId);
  return out;
}

function cached<T>(m: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  const hit = m.get(key);
  if (hit !== undefined) return hit;
  const p = read();
  m.set(key, p);
  return p;
}
