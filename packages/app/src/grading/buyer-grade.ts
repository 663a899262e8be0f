import {
  type BusinessDate,
  fail,
  type Grade,
  type GradeOverride,
  ok,
  overrideInForce,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';

export interface BuyerGradeQuery {
  readonly buyerId: string;
  /** The grade recorded on or before this date. */
  readonly asOf: BusinessDate;
}

/** A recorded grade: the buyer, the date of the grade run that recorded it, the grade with its reasons. */
export interface BuyerGrade {
  readonly buyerId: string;
  readonly asOf: BusinessDate;
  readonly grade: Grade;
  /** The credit manager's override in force on the query's date, if any: decisions use it instead. */
  readonly override?: GradeOverride;
}

/**
 * `grade show`: the grade the last `grade run` on or before the date recorded for a buyer, with the override in
 * force on the date beside it. An unknown buyer, or one never graded by then, is not found.
 */
export async function buyerGrade(
  store: Pick<LedgerReads, 'getBuyer' | 'gradesOf' | 'gradeOverridesOf'>,
  q: BuyerGradeQuery,
): Promise<Result<BuyerGrade>> {
  if (!(await store.getBuyer(q.buyerId))) return fail('not_found', { what: 'buyer', id: q.buyerId });
  const recorded = (await store.gradesOf(q.buyerId)).filter((g) => g.asOf <= q.asOf).at(-1);
  if (recorded === undefined) return fail('not_found', { what: 'recorded grade', id: q.buyerId });
  const override = overrideInForce(await store.gradeOverridesOf(q.buyerId), q.asOf);
  return ok({ buyerId: q.buyerId, asOf: recorded.asOf, grade: recorded.grade, ...(override ? { override } : {}) });
}
