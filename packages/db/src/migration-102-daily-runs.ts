import type { Kysely, Migration } from 'kysely';

/**
 * Who is running a date's daily cycle (issue 14): one row per date while a run holds it, with a lease renewed as
 * the run goes (`locked_until`). A second run of the same date finds the lease alive and stops at once (or waits);
 * a lease left by a run that crashed lapses and the next run takes it over. The row is deleted when its run ends.
 */
export const m102: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('daily_runs')
      .addColumn('as_of', 'date', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('token', 'text', (c) => c.notNull())
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('locked_until', 'timestamptz', (c) => c.notNull())
      .execute();
  },
};
