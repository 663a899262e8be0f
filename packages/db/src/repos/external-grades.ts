import type { ExternalGrade } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate, chunks } from '../convert';
import type { Database, ExternalGradesTable } from '../schema';

const toGrade = (r: ExternalGradesTable): ExternalGrade => ({
  buyerId: r.buyer_id,
  date: asDate(r.date),
  source: r.source,
  value: Number(r.value),
});

export async function upsertExternalGrades(db: Kysely<Database>, rows: readonly ExternalGrade[]): Promise<void> {
  for (const part of chunks(rows, 1000)) {
    await db
      .insertInto('external_grades')
      .values(part.map((g) => ({ buyer_id: g.buyerId, date: g.date, source: g.source, value: g.value })))
      .onConflict((oc) => oc.columns(['buyer_id', 'date', 'source']).doUpdateSet({ value: sql`excluded.value` }))
      .execute();
  }
}

export async function findExternalGrades(
  db: Kysely<Database>,
  keys: readonly Pick<ExternalGrade, 'buyerId' | 'date' | 'source'>[],
): Promise<ExternalGrade[]> {
  const out: ExternalGrade[] = [];
  for (const part of chunks(keys, 5000)) {
    const { rows } = await sql<ExternalGradesTable>`
      select g.* from external_grades g
      join unnest(${part.map((k) => k.buyerId)}::text[], ${part.map((k) => k.date)}::date[], ${part.map((k) => k.source)}::text[])
        as k(b, d, s) on g.buyer_id = k.b and g.date = k.d and g.source = k.s`.execute(db);
    out.push(...rows.map(toGrade));
  }
  return out;
}

export async function externalGradesOf(db: Kysely<Database>, buyerId: string): Promise<ExternalGrade[]> {
  const rows = await db
    .selectFrom('external_grades')
    .selectAll()
    .where('buyer_id', '=', buyerId)
    .orderBy('date')
    .orderBy('source')
    .execute();
  return rows.map(toGrade);
}
