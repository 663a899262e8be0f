import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The seller's own working-capital figures per month (issue 17, `wc set`): balances at the month's end and the
 * month's flows, in minor units of one currency; `receivables` null: read from the ledger. Append-only and
 * versioned: a correction is a new row for the month; readers take the month's last.
 */
export const m079: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('working_capital_months')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('month', 'text', (c) => c.notNull().check(sql`month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('cash', 'int8', (c) => c.notNull())
      .addColumn('receivables', 'int8')
      .addColumn('inventory', 'int8', (c) => c.notNull())
      .addColumn('payables', 'int8', (c) => c.notNull())
      .addColumn('other_current_assets', 'int8', (c) => c.notNull())
      .addColumn('other_current_liabilities', 'int8', (c) => c.notNull())
      .addColumn('sales', 'int8', (c) => c.notNull())
      .addColumn('cost_of_sales', 'int8', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('working_capital_months_month')
      .on('working_capital_months')
      .columns(['month', 'id'])
      .execute();
    await sql`create trigger working_capital_months_immutable before update or delete on working_capital_months
      for each row execute function credence_ledger_immutable()`.execute(db);
  },
};
