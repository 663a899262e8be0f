import { addDays, type BusinessDate, classifyPayer, type ExternalGrade, type PayerPattern } from '@credence/core';
import type { BehaviourWindow } from '../grading/buyer-behaviour';
import type { LedgerReads } from '../ports';

/** The window the signals are read over (12 months). */
const WINDOW_DAYS = 365;

/** What the buyer did to explain itself: notes and calls, promises and plans made, disputes opened. */
const EXPLAINS = new Set(['note', 'call', 'promise_made', 'plan_created', 'dispute_opened']);

/**
 * Cannot pay or will not pay for a buyer on a date (core `classifyPayer`, docs/domain/credit-policy.md §6): the
 * signals from its collection events of the last 12 months (explanations, broken promises and plans, disputes),
 * its payment behaviour over 3 and 12 months (given: the buyer detail has it) and its latest external grades.
 */
export async function payerPattern(
  store: LedgerReads,
  x: {
    readonly buyerId: string;
    readonly asOf: BusinessDate;
    readonly daysOverdue: number;
    readonly behaviour: readonly BehaviourWindow[];
  },
): Promise<PayerPattern> {
  const from = addDays(x.asOf, -WINDOW_DAYS);
  const events = (await store.collectionEvents(x.buyerId))
    .map((e) => e.event)
    .filter((e) => e.buyerId === x.buyerId && e.date >= from && e.date <= x.asOf);
  const latest = new Map<string, ExternalGrade>();
  for (const g of await store.externalGradesOf(x.buyerId))
    if (g.date <= x.asOf && (latest.get(g.source)?.date ?? '') <= g.date) latest.set(g.source, g);
  const w3 = x.behaviour.find((w) => w.months === 3);
  const w12 = x.behaviour.find((w) => w.months === 12);
  return classifyPayer({
    daysOverdue: x.daysOverdue,
    explanations: events.filter((e) => EXPLAINS.has(e.kind)).length,
    ...(w3 !== undefined && w3.settlements > 0 ? { daysBeyondTerms3m: w3.weightedDaysBeyondTerms } : {}),
    ...(w12 !== undefined && w12.settlements > 0 ? { daysBeyondTerms12m: w12.weightedDaysBeyondTerms } : {}),
    brokenPromises: events.filter((e) => e.kind === 'promise_broken' || e.kind === 'plan_broken').length,
    disputes: events.filter((e) => e.kind === 'dispute_opened').length,
    external: [...latest.values()],
  });
}
