import type { RecordedGrade } from '@credence/app';
import type { BusinessDate, Grade } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate } from '../convert';
import type { Database, GradesTable } from '../schema';

export const toRecorded = (r: GradesTable): RecordedGrade => ({
  buyerId: r.buyer_id,
  asOf: asDate(r.as_of),
  grade: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Grade,
});

/** Records grades; one already recorded for the buyer and date is replaced. */
export async function upsertGrades(db: Kysely<Database>, rows: readonly RecordedGrade[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000).map((g) => ({
      buyer_id: g.buyerId,
      as_of: g.asOf,
      grade: g.grade.grade,
      pd: g.grade.pd,
      tier: g.grade.tier,
      detail: JSON.stringify(g.grade),
    }));
    await db
      .insertInto('grades')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['buyer_id', 'as_of']).doUpdateSet({
          grade: sql`excluded.grade`,
          pd: sql`excluded.pd`,
          tier: sql`excluded.tier`,
          detail: sql`excluded.detail`,
        }),
      )
      .execute();
  }
}

export async function gradesOf(db: Kysely<Database>, buyerId: string): Promise<RecordedGrade[]> {
  const rows = await db.selectFrom('grades').selectAll().where('buyer_id', '=', buyerId).orderBy('as_of').execute();
  return rows.map(toRecorded);
}

export async function gradesOn(db: Kysely<Database>, asOf: BusinessDate): Promise<RecordedGrade[]> {
  const rows = await db
    .selectFrom('grades')
    .selectAll()
    .where(sql<boolean>`as_of = ${asOf}::date`)
    .orderBy('buyer_id')
    .execute();
  return rows.map(toRecorded);
}
