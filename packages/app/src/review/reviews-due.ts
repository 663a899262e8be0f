import {
  addDays,
  addMonths,
  type BehaviourSums,
  type BusinessDate,
  effectiveGrade,
  overrideInForce,
  type ReviewPlan,
  reviewPlan,
} from '@credence/core';
import type { MonitoringReads } from '../monitoring/ports';
import type { LedgerReads } from '../ports';

export interface BuyerReview extends ReviewPlan {
  readonly buyerId: string;
  readonly name: string;
  readonly tier?: 'low' | 'medium' | 'high';
  readonly lastReview?: BusinessDate;
  /** Weighted days beyond terms in the last 12 months and the 12 before (undefined: nothing settled). */
  readonly lateDaysThisYear?: number;
  readonly lateDaysLastYear?: number;
  /** Key account or simplified, when the credit policy ranks key accounts (docs/domain/credit-policy.md). */
  readonly accountClass?: 'key' | 'simplified';
  readonly reviewMonths?: number;
}

/**
 * Every buyer's review plan as of a date (core `reviewPlan`): its tier from the last recorded grade (or the
 * override in force), the start of the relationship (first invoice), the last credit decision (a limit approved,
 * rejected or set) and its lateness in each of the last two years. Read for every buyer at once (a fixed number
 * of queries, issue 14). Due reviews first, then by next review date.
 */
export async function reviewsDue(
  store: Pick<LedgerReads, 'listBuyers' | 'monitoringFacts'> & Pick<MonitoringReads, 'behaviourWindows'>,
  asOf: BusinessDate,
  /** Each buyer's class (`keyAccounts`): a key account is reviewed in full every `reviewMonths`. */
  classes?: ReadonlyMap<string, { readonly class: 'key' | 'simplified'; readonly reviewMonths: number }>,
): Promise<BuyerReview[]> {
  const next = addDays(asOf, 1);
  // The overrides up to the date are among the facts; this year's and last year's behaviour come in one read.
  const [buyers, facts, [thisYear, lastYear]] = await Promise.all([
    store.listBuyers(),
    store.monitoringFacts(asOf),
    store.behaviourWindows([
      { from: addMonths(next, -12), to: asOf },
      { from: addMonths(next, -24), to: addDays(addMonths(next, -12), -1) },
    ]),
  ]);
  const overrides = facts.overrides;
  const latestGrade = new Map(facts.grades.map((g) => [g.buyerId, g.grade]));
  const overridesOf = groupBy(overrides, (o) => o.buyerId);
  const firstOf = new Map(facts.firstInvoices.map((x) => [x.buyerId, x.on]));
  const decidedOf = new Map(facts.lastDecisions.map((x) => [x.buyerId, x.on]));
  const [thisYearOf, lastYearOf] = [thisYear?.sums ?? [], lastYear?.sums ?? []].map((rows) =>
    groupBy(rows, (r) => r.buyerId),
  );
  const out: BuyerReview[] = [];
  for (const b of buyers) {
    const recorded = latestGrade.get(b.id);
    const tier = effectiveGrade(recorded, overrideInForce(overridesOf.get(b.id) ?? [], asOf))?.tier;
    const first = firstOf.get(b.id);
    const lastReview = decidedOf.get(b.id);
    const thisYear = weighted(thisYearOf?.get(b.id));
    const lastYear = weighted(lastYearOf?.get(b.id));
    const accountClass = classes?.get(b.id);
    const plan = reviewPlan(
      {
        ...(accountClass ? { accountClass } : {}),
        ...(tier ? { tier } : {}),
        ...(first ? { firstInvoice: first } : {}),
        ...(lastReview ? { lastReview } : {}),
        ...(thisYear !== undefined ? { lateDaysThisYear: thisYear } : {}),
        ...(lastYear !== undefined ? { lateDaysLastYear: lastYear } : {}),
      },
      asOf,
    );
    out.push({
      ...plan,
      buyerId: b.id,
      name: b.name,
      ...(tier ? { tier } : {}),
      ...(lastReview ? { lastReview } : {}),
      ...(thisYear !== undefined ? { lateDaysThisYear: thisYear } : {}),
      ...(lastYear !== undefined ? { lateDaysLastYear: lastYear } : {}),
      ...(accountClass ? { accountClass: accountClass.class, reviewMonths: accountClass.reviewMonths } : {}),
    });
  }
  return out.sort(
    (a, b) =>
      Number(b.due) - Number(a.due) ||
      (a.nextReview < b.nextReview ? -1 : a.nextReview > b.nextReview ? 1 : 0) ||
      (a.buyerId < b.buyerId ? -1 : 1),
  );
}

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list === undefined) m.set(k, [x]);
    else list.push(x);
  }
  return m;
};

/** Weighted days beyond terms over every currency (as `weightedDaysLate` without one); undefined: none settled. */
function weighted(rows: readonly BehaviourSums[] | undefined): number | undefined {
  if (rows === undefined) return undefined;
  const amount = rows.reduce((s, r) => s + r.settledAmount, 0n);
  const late = rows.reduce((s, r) => s + r.amountTimesDaysLate, 0n);
  return amount > 0n ? Number(late) / Number(amount) : undefined;
}
