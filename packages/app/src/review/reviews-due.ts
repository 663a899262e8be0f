import {
  addDays,
  addMonths,
  type BusinessDate,
  effectiveGrade,
  overrideInForce,
  type ReviewPlan,
  reviewPlan,
} from '@credence/core';
import { weightedDaysLate } from '../grading/buyer-behaviour';
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
 * override in force), the start
 * of the relationship (first invoice), the last credit decision (a limit approved, rejected or set) and its
 * lateness in each of the last two years. Due reviews first, then by next review date.
 */
export async function reviewsDue(
  store: LedgerReads,
  asOf: BusinessDate,
  /** Each buyer's class (`keyAccounts`): a key account is reviewed in full every `reviewMonths`. */
  classes?: ReadonlyMap<string, { readonly class: 'key' | 'simplified'; readonly reviewMonths: number }>,
): Promise<BuyerReview[]> {
  const next = addDays(asOf, 1);
  const out: BuyerReview[] = [];
  for (const b of await store.listBuyers()) {
    const [grades, overrides, first, events, thisYear, lastYear] = await Promise.all([
      store.gradesOf(b.id),
      store.gradeOverridesOf(b.id),
      store.buyerFirstInvoice(b.id),
      store.limitEventsOf(b.id),
      weightedDaysLate(store, b.id, undefined, addMonths(next, -12), asOf),
      weightedDaysLate(store, b.id, undefined, addMonths(next, -24), addDays(addMonths(next, -12), -1)),
    ]);
    const recorded = grades.filter((g) => g.asOf <= asOf).at(-1)?.grade;
    const tier = effectiveGrade(recorded, overrideInForce(overrides, asOf))?.tier;
    const lastReview = events
      .filter((e) => e.kind !== 'request' && e.recordedOn <= asOf)
      .reduce<BusinessDate | undefined>((m, e) => (m === undefined || e.recordedOn > m ? e.recordedOn : m), undefined);
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
