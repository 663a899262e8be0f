import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 14: country risk classes by date (`country_risk_worsened`): a country's class (0 … 7) in force from a date,
 * with who published it. One row per country and date; a later row of the same country and date replaces it.
 */
export const m103: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('country_risk_classes')
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'date', (c) => c.notNull())
      .addColumn('risk_class', 'smallint', (c) => c.notNull().check(sql`risk_class between 0 and 7`))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('country_risk_classes_pk', ['country', 'valid_from'])
      .execute();
  },
};
