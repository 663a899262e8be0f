import type { DailyFigures, DailyStepRecord } from '@credence/app/daily';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate } from '../convert';
import type { Database } from '../schema';

interface Row {
  as_of: string;
  step: string;
  status: string;
  figures: unknown;
  ms: number | string;
  error: string | null;
  attempts: number | string;
  finished_at: string | Date;
}

const toRecord = (r: Row): DailyStepRecord => ({
  asOf: asDate(r.as_of),
  step: r.step,
  status: r.status as DailyStepRecord['status'],
  figures: (typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures) as DailyFigures,
  ms: Number(r.ms),
  ...(r.error !== null ? { error: r.error } : {}),
  attempts: Number(r.attempts),
  finishedAt: new Date(r.finished_at),
});

/** The steps recorded for a date, in the order they finished (one query). */
export async function dailySteps(db: Kysely<Database>, asOf: BusinessDate): Promise<DailyStepRecord[]> {
  const { rows } = await sql<Row>`
    select as_of::text as as_of, step, status, figures, ms, error, attempts, finished_at from daily_steps
    where as_of = ${asOf}::date order by finished_at, step`.execute(db);
  return rows.map(toRecord);
}

/** Records a step's outcome, replacing the date's earlier one (attempts + 1). */
export async function recordDailyStep(db: Kysely<Database>, r: Omit<DailyStepRecord, 'attempts'>): Promise<void> {
  await sql`
    insert into daily_steps (as_of, step, status, figures, ms, error, attempts, finished_at)
    values (${r.asOf}::date, ${r.step}, ${r.status}, ${JSON.stringify(r.figures)}::jsonb, ${Math.round(r.ms)},
            ${r.error ?? null}, 1, ${r.finishedAt.toISOString()}::timestamptz)
    on conflict (as_of, step) do update set status = excluded.status, figures = excluded.figures, ms = excluded.ms,
      error = excluded.error, attempts = daily_steps.attempts + 1, finished_at = excluded.finished_at`.execute(db);
}
