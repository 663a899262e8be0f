import { type BusinessDate, fail, type Grade, type GradeOverrideEvent, ok, type Result } from '@credence/core';
import type { LedgerReads } from '../ports';

/** One line of a buyer's grade history: a grade a run recorded, or an override or its removal. */
export type GradeHistoryEntry =
  | { readonly kind: 'graded'; readonly date: BusinessDate; readonly grade: Grade }
  | { readonly kind: 'override' | 'clear'; readonly date: BusinessDate; readonly event: GradeOverrideEvent };

/**
 * `grade history`: every grade recorded for a buyer and every override and removal, by date (a day's grade
 * before that day's overrides, overrides in recording order). An unknown buyer is not found.
 */
export async function gradeHistory(
  store: Pick<LedgerReads, 'getBuyer' | 'gradesOf' | 'gradeOverridesOf'>,
  buyerId: string,
): Promise<Result<GradeHistoryEntry[]>> {
  if (!(await store.getBuyer(buyerId))) return fail('not_found', { what: 'buyer', id: buyerId });
  const [grades, events] = await Promise.all([store.gradesOf(buyerId), store.gradeOverridesOf(buyerId)]);
  const out: GradeHistoryEntry[] = grades.map((g) => ({ kind: 'graded', date: g.asOf, grade: g.grade }));
  for (const e of [...events].sort((a, b) => a.id - b.id)) out.push({ kind: e.action, date: e.recordedOn, event: e });
  // Stable: the runs first on a day (pushed first), then the overrides in id order.
  return ok(out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}
