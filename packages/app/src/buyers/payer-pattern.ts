import {
  addDays,
  addMonths,
  type BusinessDate,
  type CollectionEvent,
  classifyPayer,
  type ExternalGrade,
  type PayerPattern,
} from '@credence/core';
import type { BehaviourWindow } from '../grading/buyer-behaviour';
import type { LedgerReads } from '../ports';

/** The window the signals are read over (12 months). */
const WINDOW_DAYS = 365;

/** What the buyer did to explain itself: notes and calls, promises and plans made, disputes opened. */
const EXPLAINS = new Set(['note', 'call', 'promise_made', 'plan_created', 'dispute_opened']);

/** The latest external grade of each source dated by the date. */
function latestExternal(grades: readonly ExternalGrade[], asOf: BusinessDate): ExternalGrade[] {
  const latest = new Map<string, ExternalGrade>();
  for (const g of grades) if (g.date <= asOf && (latest.get(g.source)?.date ?? '') <= g.date) latest.set(g.source, g);
  return [...latest.values()];
}

/** The signals of one buyer from its collection events, its latest external grades and its behaviour. */
function classified(
  x: { readonly buyerId: string; readonly asOf: BusinessDate; readonly daysOverdue: number },
  events: readonly CollectionEvent[],
  external: readonly ExternalGrade[],
  w: { readonly m3?: number; readonly m12?: number },
): PayerPattern {
  const from = addDays(x.asOf, -WINDOW_DAYS);
  const mine = events.filter((e) => e.buyerId === x.buyerId && e.date >= from && e.date <= x.asOf);
  return classifyPayer({
    daysOverdue: x.daysOverdue,
    explanations: mine.filter((e) => EXPLAINS.has(e.kind)).length,
    ...(w.m3 !== undefined ? { daysBeyondTerms3m: w.m3 } : {}),
    ...(w.m12 !== undefined ? { daysBeyondTerms12m: w.m12 } : {}),
    brokenPromises: mine.filter((e) => e.kind === 'promise_broken' || e.kind === 'plan_broken').length,
    disputes: mine.filter((e) => e.kind === 'dispute_opened').length,
    external: latestExternal(external, x.asOf),
  });
}

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
  const events = (await store.collectionEvents(x.buyerId)).map((e) => e.event);
  const w3 = x.behaviour.find((w) => w.months === 3);
  const w12 = x.behaviour.find((w) => w.months === 12);
  return classified(x, events, await store.externalGradesOf(x.buyerId), {
    ...(w3 !== undefined && w3.settlements > 0 ? { m3: w3.weightedDaysBeyondTerms } : {}),
    ...(w12 !== undefined && w12.settlements > 0 ? { m12: w12.weightedDaysBeyondTerms } : {}),
  });
}

function byBuyer<T extends { readonly buyerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.buyerId);
    if (list === undefined) out.set(r.buyerId, [r]);
    else list.push(r);
  }
  return out;
}

/** Amount-weighted days beyond terms of a buyer's settlement rows, in its currency when it has any there. */
function weighted(
  rows: readonly { currency: string; settledAmount: bigint; amountTimesDaysLate: bigint }[],
  currency: string | undefined,
): number | undefined {
  const own = rows.filter((r) => r.currency === currency);
  const used = own.length > 0 ? own : rows;
  const amount = used.reduce((s, r) => s + r.settledAmount, 0n);
  return amount > 0n ? Number(used.reduce((s, r) => s + r.amountTimesDaysLate, 0n)) / Number(amount) : undefined;
}

/**
 * `payerPattern` of many buyers at once (the worklist's next steps): the collection events, the two behaviour
 * windows and the external grades of the whole portfolio in a fixed number of reads, whatever the buyers.
 */
export async function payerPatterns(
  store: Pick<LedgerReads, 'collectionEvents' | 'behaviourSums' | 'monitoringFacts' | 'findBuyers'>,
  daysOverdue: ReadonlyMap<string, number>,
  asOf: BusinessDate,
): Promise<Map<string, PayerPattern>> {
  const out = new Map<string, PayerPattern>();
  if (daysOverdue.size === 0) return out;
  const next = addDays(asOf, 1);
  const [events, d3, d12, facts, buyers] = await Promise.all([
    store.collectionEvents(),
    store.behaviourSums(addMonths(next, -3), asOf),
    store.behaviourSums(addMonths(next, -12), asOf),
    store.monitoringFacts(asOf),
    store.findBuyers([...daysOverdue.keys()]),
  ]);
  const eventsOf = byBuyer(events.map((e) => e.event));
  const [d3Of, d12Of, externalOf] = [byBuyer(d3), byBuyer(d12), byBuyer(facts.externalGrades)];
  const currencyOf = new Map(buyers.map((b) => [b.id, b.currency as string]));
  for (const [buyerId, days] of daysOverdue) {
    const m3 = weighted(d3Of.get(buyerId) ?? [], currencyOf.get(buyerId));
    const m12 = weighted(d12Of.get(buyerId) ?? [], currencyOf.get(buyerId));
    out.set(
      buyerId,
      classified({ buyerId, asOf, daysOverdue: days }, eventsOf.get(buyerId) ?? [], externalOf.get(buyerId) ?? [], {
        ...(m3 !== undefined ? { m3 } : {}),
        ...(m12 !== undefined ? { m12 } : {}),
      }),
    );
  }
  return out;
}
