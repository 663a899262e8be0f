import type { Job, JobOutcome, NewJob } from '@credence/app';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema';

interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  run_at: Date | string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Date | string | null;
  last_error: string | null;
  done_at: Date | string | null;
  failed_at: Date | string | null;
  dedup_key: string | null;
  created_at: Date | string;
  created_by: string;
}

const COLUMNS = sql`id::text as id, kind, payload, run_at, attempts, max_attempts, locked_by, locked_until,
  last_error, done_at, failed_at, dedup_key, created_at, created_by`;

const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const maybe = <K extends string, V>(key: K, v: V | null, f: (v: V) => unknown) =>
  v === null ? {} : ({ [key]: f(v) } as Record<K, never>);

const toJob = (r: JobRow): Job => ({
  id: r.id,
  kind: r.kind,
  payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
  runAt: instant(r.run_at),
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  ...maybe('lockedBy', r.locked_by, (v) => v),
  ...maybe('lockedUntil', r.locked_until, instant),
  ...maybe('lastError', r.last_error, (v) => v),
  ...maybe('doneAt', r.done_at, instant),
  ...maybe('failedAt', r.failed_at, instant),
  ...maybe('dedupKey', r.dedup_key, (v) => v),
  createdAt: instant(r.created_at),
  createdBy: r.created_by,
});

const one = async (db: Kysely<Database>, q: RawBuilder<JobRow>): Promise<Job | undefined> => {
  const { rows } = await q.execute(db);
  return rows[0] === undefined ? undefined : toJob(rows[0]);
};

export const findJob = (db: Kysely<Database>, id: string) =>
  one(db, sql<JobRow>`select ${COLUMNS} from jobs where id = ${id}::int8`);

/**
 * Inserts the job; on a taken dedup key, queues a finished job with that key again, else leaves the live one be
 * (and reads it: after a concurrent insert commits, this statement's read sees it).
 */
export async function enqueueJob(
  db: Kysely<Database>,
  j: NewJob,
  at: Date,
  by: string,
): Promise<{ job: Job; created: boolean }> {
  const written = await one(
    db,
    sql<JobRow>`insert into jobs (kind, payload, run_at, max_attempts, dedup_key, created_at, created_by)
      values (${j.kind}, ${JSON.stringify(j.payload)}::jsonb, ${j.runAt}, ${j.maxAttempts}, ${j.dedupKey ?? null},
              ${at}, ${by})
      on conflict (dedup_key) do update set kind = excluded.kind, payload = excluded.payload,
        run_at = excluded.run_at, max_attempts = excluded.max_attempts, attempts = 0, locked_by = null,
        locked_until = null, last_error = null, done_at = null, failed_at = null,
        created_at = excluded.created_at, created_by = excluded.created_by
      where jobs.done_at is not null or jobs.failed_at is not null
      returning ${COLUMNS}`,
  );
  if (written !== undefined) return { job: written, created: true };
  const live = await one(db, sql<JobRow>`select ${COLUMNS} from jobs where dedup_key = ${j.dedupKey ?? null}`);
  if (live === undefined) throw new Error(`job with key ${j.dedupKey} neither written nor found`);
  return { job: live, created: false };
}

/** One statement: the oldest due job nobody holds, locked with SKIP LOCKED so that claimers never wait. */
export const claimJob = (
  db: Kysely<Database>,
  q: { kinds: readonly string[]; worker: string; now: Date; leaseUntil: Date },
) =>
  one(
    db,
    sql<JobRow>`update jobs set attempts = attempts + 1, locked_by = ${q.worker}, locked_until = ${q.leaseUntil}
      where id = (
        select id from jobs
        where done_at is null and failed_at is null and run_at <= ${q.now}
          and (locked_until is null or locked_until <= ${q.now}) and kind = any(${[...q.kinds]}::text[])
        order by run_at, id limit 1
        for update skip locked)
      returning ${COLUMNS}`,
  );

const held = (id: string, worker: string) =>
  sql`id = ${id}::int8 and locked_by = ${worker} and done_at is null and failed_at is null`;

export async function extendJobLease(db: Kysely<Database>, id: string, worker: string, until: Date): Promise<boolean> {
  const r = await sql`update jobs set locked_until = ${until} where ${held(id, worker)}`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

export async function settleJob(db: Kysely<Database>, id: string, worker: string, o: JobOutcome): Promise<boolean> {
  const set =
    o.kind === 'done'
      ? sql`done_at = ${o.at}`
      : o.kind === 'failed'
        ? sql`failed_at = ${o.at}, last_error = ${o.error}`
        : sql`run_at = ${o.runAt}, last_error = ${o.error}`;
  const r = await sql`update jobs set ${set}, locked_by = null, locked_until = null
                      where ${held(id, worker)}`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
}
