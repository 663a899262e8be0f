import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The first dunning run (docs/domain/dunning.md): when each invoice was recorded, and each live dunning run with
 * whether it was confirmed. Stores that already have letters count their past runs as confirmed.
 */
export const m010: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('documents')
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('dunning_runs')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('confirmed', 'boolean', (c) => c.notNull())
      .addColumn('letters', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await sql`insert into dunning_runs (as_of, confirmed, letters, recorded_at)
              select as_of, true, count(*), max(recorded_at) from dunning_letters group by as_of`.execute(db);
    // Documents recorded before this migration: as old as the oldest run, so none counts as imported since.
    await sql`update documents set recorded_at = coalesce((select min(recorded_at) from dunning_runs), recorded_at)`.execute(
      db,
    );
  },
};
