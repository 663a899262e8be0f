import type { BusinessDate, Grade, GradeReason } from '@credence/core';
import type { RecordedGrade, Store } from '../ports';
import { type GradeContext, gradeBuyerAsOf } from './grade-buyer-as-of';

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
 * changes against each buyer's previous grade.
 */
export async function runGrades(store: Store, ctx: GradeContext, asOf: BusinessDate): Promise<GradeRun> {
  const buyers = await store.listBuyers();
  const recorded: RecordedGrade[] = [];
  const changes: GradeChange[] = [];
  for (const b of buyers) {
    const r = await gradeBuyerAsOf(store, ctx, b.id, asOf);
    if (r === undefined) continue;
    recorded.push({ buyerId: b.id, asOf, grade: r.grade });
    const before = (await store.gradesOf(b.id)).filter((g) => g.asOf < asOf).at(-1);
    if (before !== undefined && before.grade.grade !== r.grade.grade)
      changes.push({
        buyerId: b.id,
        name: b.name,
        from: before.grade.grade,
        to: r.grade.grade,
        since: before.asOf,
        reasons: r.grade.reasons,
      });
  }
  await store.transact((tx) => tx.upsertGrades(recorded));
  const byGrade = Array.from({ length: 10 }, (_, i) => recorded.filter((g) => g.grade.grade === i + 1).length);
  const count = <K extends string>(key: (g: Grade) => K, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, recorded.filter((g) => key(g.grade) === k).length])) as Record<K, number>;
  changes.sort((a, b) => b.to - b.from - (a.to - a.from) || (a.buyerId < b.buyerId ? -1 : 1));
  return {
    asOf,
    graded: recorded.length,
    byGrade,
    byTier: count((g) => g.tier, ['low', 'medium', 'high'] as const),
    byConfidence: count((g) => g.confidence, ['high', 'medium', 'low'] as const),
    changes,
  };
}
