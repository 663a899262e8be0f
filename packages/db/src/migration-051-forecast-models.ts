import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Trained payment-date models (issue 17, `forecast train`): the model's JSON, the date it was trained as of,
 * who trained it and when. Append-only: a new training is a new row; readers take the last.
 */
export const m051: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('forecast_models')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('trained_until', 'date', (c) => c.notNull())
      .addColumn('model', 'jsonb', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`create trigger forecast_models_immutable before update or delete on forecast_models
      for each row execute function credence_ledger_immutable()`.execute(db);
  },
};
