import type { BusinessDate, Grade } from '@credence/core';
import type { LedgerReads } from '../ports';

/** The buyer's grade as recorded by the last `grade run` on or before the date, if any. */
export async function recordedGradeAsOf(
  store: LedgerReads,
  buyerId: string,
  asOf: BusinessDate,
): Promise<Grade | undefined> {
  return (await store.gradesOf(buyerId)).filter((g) => g.asOf <= asOf).at(-1)?.grade;
}
