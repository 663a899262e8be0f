import {
  type BusinessDate,
  effectiveGrade,
  type Grade,
  type GradeFigures,
  type GradeOverride,
  overrideInForce,
} from '@credence/core';
import type { LedgerReads } from '../ports';

/** The buyer's grade as recorded by the last `grade run` on or before the date, if any (not overridden). */
export async function recordedGradeAsOf(
  store: LedgerReads,
  buyerId: string,
  asOf: BusinessDate,
): Promise<Grade | undefined> {
  return (await store.gradesOf(buyerId)).filter((g) => g.asOf <= asOf).at(-1)?.grade;
}

/**
 * The grade a decision uses on the date: the credit manager's override in force (`overrideInForce`), else the
 * grade the last `grade run` recorded; undefined with neither. `override` tells which it was.
 */
export async function gradeInForce(
  store: LedgerReads,
  buyerId: string,
  asOf: BusinessDate,
): Promise<(GradeFigures & { readonly override?: GradeOverride }) | undefined> {
  const [recorded, events] = await Promise.all([
    recordedGradeAsOf(store, buyerId, asOf),
    store.gradeOverridesOf(buyerId),
  ]);
  const override = overrideInForce(events, asOf);
  const g = effectiveGrade(recorded, override);
  return g === undefined ? undefined : { ...g, ...(override !== undefined ? { override } : {}) };
}
