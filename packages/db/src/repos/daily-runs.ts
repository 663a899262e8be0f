import type { DailyRunLease } from '@credence/app/daily';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate } from '../convert';
import type { Database } from '../schema';

interface Row {
  as_of: string;
  holder: string;
  token: string;
  started_at: string | Date;
  locked_until: string | Date;
}

/** The lease on a date's daily cycle (migration 102), live or lapsed. */
export async function dailyRunLease(db: Kysely<Database>, asOf: BusinessDate): Promise<DailyRunLease | undefined> {
  const { rows } = await sql<Row>`
    select as_of::text as as_of, holder, token, started_at, locked_until from daily_runs
    where as_of = ${asOf}::date`.execute(db);
  const r = rows[0];
  return r === undefined
    ? undefined
    : {
        asOf: asDate(r.as_of),
        holder: r.holder,
        token: r.token,
        startedAt: new Date(r.started_at),
        lockedUntil: new Date(r.locked_until),
      };
}

/** Takes or renews the date's lease (the caller has checked, under the date's lock, that it may). */
export async function holdDailyRun(db: Kysely<Database>, l: DailyRunLease): Promise<void> {
  await sql`
    insert into daily_runs (as_of, holder, token, started_at, locked_until)
    values (${l.asOf}::date, ${l.holder}, ${l.token}, ${l.startedAt.toISOString()}::timestamptz,
            ${l.lockedUntil.toISOString()}::timestamptz)
    on conflict (as_of) do update set holder = excluded.holder, token = excluded.token,
      started_at = excluded.started_at, locked_until = excluded.locked_until`.execute(db);
}

/** Gives the lease up if `token` still holds it. */
export async function releaseDailyRun(db: Kysely<Database>, asOf: BusinessDate, token: string): Promise<void> {
  await sql`delete from daily_runs where as_of = ${asOf}::date and token = ${token}`.execute(db);
}
