import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Cash forecasts as run (issue 17, `forecast cash`): each run's as-of date, reporting currency, method (model or
 * baseline), who ran it and when, and its weekly figures (low, mid, high in minor units), so forecast and actual
 * receipts can be compared per week once the weeks are over. Append-only.
 */
export const m076: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cash_forecasts')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('cash_forecast_weeks')
      .addColumn('forecast_id', 'integer', (c) => c.notNull().references('cash_forecasts.id'))
      .addColumn('week_start', 'date', (c) => c.notNull())
      .addColumn('week_end', 'date', (c) => c.notNull())
      .addColumn('low', 'int8', (c) => c.notNull())
      .addColumn('mid', 'int8', (c) => c.notNull())
      .addColumn('high', 'int8', (c) => c.notNull())
      .addPrimaryKeyConstraint('cash_forecast_weeks_pk', ['forecast_id', 'week_start'])
      .execute();
    await sql`create index cash_forecasts_as_of on cash_forecasts (as_of)`.execute(db);
    await sql`create trigger cash_forecasts_immutable before update or delete on cash_forecasts
      for each row execute function credence_ledger_immutable()`.execute(db);
    await sql`create trigger cash_forecast_weeks_immutable before update or delete on cash_forecast_weeks
      for each row execute function credence_ledger_immutable()`.execute(db);
  },
};
