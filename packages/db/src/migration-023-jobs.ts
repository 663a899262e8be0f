import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The job queue (docs/scaling.md): background work any number of workers share, claimed with
 * `FOR UPDATE SKIP LOCKED` (repos/jobs.ts). A table of our own rather than pg-boss or Graphile Worker: those
 * need a PostgreSQL server (LISTEN/NOTIFY, their own schema and maintenance loop), and the queue must also run
 * on the embedded PGlite store, where one process holds the directory and the same SQL serves.
 *
 * A job is queued until `run_at`, running while a worker holds its lease (`locked_by` until `locked_until`),
 * then done (`done_at`) or failed for good (`failed_at`, after `max_attempts`). A worker that dies leaves its
 * lease to expire; the job is then claimed again. `dedup_key` (nullable, unique) makes enqueueing idempotent.
 */
export const m023: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('kind', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('run_at', 'timestamptz', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().check(sql`max_attempts > 0`))
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'timestamptz')
      .addColumn('last_error', 'text')
      .addColumn('done_at', 'timestamptz')
      .addColumn('failed_at', 'timestamptz')
      .addColumn('dedup_key', sql`text collate "C"`, (c) => c.unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    // What a worker looks for: unfinished jobs by when they are due.
    await sql`create index jobs_due on jobs (run_at, id) where done_at is null and failed_at is null`.execute(db);
  },
};
