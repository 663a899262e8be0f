import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The daily cycle's steps (issue 14, docs/domain/monitoring.md): one row per date and step, `done` with its figures
 * or `failed` with the error; a rerun of the date skips the done steps and runs a failed one again (the row replaced).
 */
export const m064: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('daily_steps')
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('step', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('done', 'failed')`))
      .addColumn('figures', 'jsonb', (c) => c.notNull())
      .addColumn('ms', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('daily_steps_pk', ['as_of', 'step'])
      .execute();
  },
};
