import type { BusinessDate, Grade, GradeReason } from '@credence/core';
import type { RecordedGrade, Store } from '../ports';
import type { GradeContext } from './grade-buyer-as-of';
import { gradePortfolio } from './grade-portfolio';

export interface GradeChange {
  readonly buyerId: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly since: BusinessDate;
  /** The steps of the new grade (codes and figures; core/reasons writes them in words). */
  readonly reasons: readonly GradeReason[];
}

export interface GradeRun {
  readonly asOf: BusinessDate;
  readonly graded: number;
  /** Grades written: every buyer's, or with `changedOnly` those that changed. */
  readonly recorded: number;
  /** Buyers per grade 1 … 10 (index 0 = grade 1). */
  readonly byGrade: readonly number[];
  readonly byTier: Readonly<Record<Grade['tier'], number>>;
  readonly byConfidence: Readonly<Record<Grade['confidence'], number>>;
  /** Buyers whose grade differs from their last one recorded before `asOf`, worst change first. */
  readonly changes: readonly GradeChange[];
}

/**
 * Grades every buyer as of a date and records the grades (history: one per buyer and date; running the
 * same date again replaces that date's grades, in one transaction). Reports the distribution and the
 * changes against each buyer's previous grade. The portfolio is read set-based (`gradePortfolio`). With
 * `changedOnly` (the daily cycle) a grade is recorded only where it differs from the buyer's latest recorded
 * one (grade, tier, PD, confidence), or where the buyer has none: same inputs, nothing written.
 */
export async function runGrades(
  store: Store,
  ctx: GradeContext,
  asOf: BusinessDate,
  o: { readonly changedOnly?: boolean } = {},
): Promise<GradeRun> {
  const all = await gradePortfolio(store, ctx, asOf);
  const graded: RecordedGrade[] = [];
  const recorded: RecordedGrade[] = [];
  const changes: GradeChange[] = [];
  for (const { buyer: b, grade, before, latest } of all) {
    const row = { buyerId: b.id, asOf, grade };
    graded.push(row);
    if (!o.changedOnly || latest === undefined || !sameGrade(latest.grade, grade)) recorded.push(row);
    if (before !== undefined && before.grade.grade !== grade.grade)
      changes.push({
        buyerId: b.id,
        name: b.name,
        from: before.grade.grade,
        to: grade.grade,
        since: before.asOf,
        reasons: grade.reasons,
      });
  }
  if (recorded.length > 0) await store.transact((tx) => tx.upsertGrades(recorded));
  const byGrade = Array.from({ length: 10 }, (_, i) => graded.filter((g) => g.grade.grade === i + 1).length);
  const count = <K extends string>(key: (g: Grade) => K, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, graded.filter((g) => key(g.grade) === k).length])) as Record<K, number>;
  changes.sort((a, b) => b.to - b.from - (a.to - a.from) || (a.buyerId < b.buyerId ? -1 : 1));
  return {
    asOf,
    graded: graded.length,
    recorded: recorded.length,
    byGrade,
    byTier: count((g) => g.tier, ['low', 'medium', 'high'] as const),
    byConfidence: count((g) => g.confidence, ['high', 'medium', 'low'] as const),
    changes,
  };
}

/** Whether two grades say the same (the reasons follow from the same inputs). */
const sameGrade = (a: Grade, b: Grade): boolean =>
  a.grade === b.grade && a.tier === b.tier && a.pd === b.pd && a.confidence === b.confidence;
