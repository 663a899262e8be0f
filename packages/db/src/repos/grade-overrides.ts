import type { GradeOverrideDraft, GradeOverrideEvent } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate } from '../convert';
import type { Database } from '../schema';

export interface OverrideRow {
  id: unknown;
  buyer_id: string;
  action: 'override' | 'clear';
  grade: number | null;
  tier: string | null;
  pd: number | string | null;
  until: string | null;
  reason: string;
  by: string;
  recorded_on: string;
}

export const toOverride = (r: OverrideRow): GradeOverrideEvent => {
  const head = { id: Number(r.id), buyerId: r.buyer_id, reason: r.reason, by: r.by, recordedOn: asDate(r.recorded_on) };
  if (r.action === 'clear') return { ...head, action: 'clear' };
  return {
    ...head,
    action: 'override',
    grade: Number(r.grade),
    tier: r.tier as 'low' | 'medium' | 'high',
    pd: Number(r.pd),
    ...(r.until !== null ? { until: asDate(r.until) } : {}),
  };
};

const COLUMNS = sql`id, buyer_id, action, grade, tier, pd, until, reason, by, recorded_on`;

/** Appends an override or its removal (`recorded_at`: the transaction's instant). */
export async function appendGradeOverride(
  db: Kysely<Database>,
  e: GradeOverrideDraft,
  at: Date,
): Promise<GradeOverrideEvent> {
  const o = e.action === 'override' ? e : undefined;
  const { rows } = await sql<OverrideRow>`
    insert into grade_overrides (buyer_id, action, grade, tier, pd, until, reason, by, recorded_on, recorded_at)
    values (${e.buyerId}, ${e.action}, ${o?.grade ?? null}, ${o?.tier ?? null}, ${o?.pd ?? null},
            ${o?.until ?? null}::date, ${e.reason}, ${e.by}, ${e.recordedOn}::date, ${at})
    returning ${COLUMNS}`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toOverride(row);
}

export async function gradeOverridesOf(db: Kysely<Database>, buyerId: string): Promise<GradeOverrideEvent[]> {
  const { rows } = await sql<OverrideRow>`
    select ${COLUMNS} from grade_overrides where buyer_id = ${buyerId} order by id`.execute(db);
  return rows.map(toOverride);
}

/** Every buyer's overrides and removals recorded on or before the date, by buyer and id (one query). */
export async function gradeOverridesUpTo(db: Kysely<Database>, asOf: string): Promise<GradeOverrideEvent[]> {
  const { rows } = await sql<OverrideRow>`
    select ${COLUMNS} from grade_overrides where recorded_on <= ${asOf}::date order by buyer_id, id`.execute(db);
  return rows.map(toOverride);
}
