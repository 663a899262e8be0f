import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The collector's worklist kept from day to day (docs/domain/collections.md): one row per task key, its state
 * (open, snoozed, done), the figures last seen and who closed or snoozed it. Not a ledger table: a task's state
 * moves on in place; what it was about (letters, promises, disputes, payments) stays in the append-only tables.
 */
export const m013: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('worklist_tasks')
      .addColumn('key', sql`text collate "C"`, (c) => c.primaryKey())
      .addColumn('buyer_id', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('documents', sql`text[]`, (c) => c.notNull())
      .addColumn('reason', 'jsonb', (c) => c.notNull())
      .addColumn('no_fx_rate', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('amount', 'int8', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('exponent', 'integer', (c) => c.notNull())
      .addColumn('days_overdue', 'integer', (c) => c.notNull())
      .addColumn('opened_on', 'date', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'snoozed', 'done')`))
      .addColumn('state_on', 'date', (c) => c.notNull())
      .addColumn('snoozed_until', 'date')
      .addColumn('close_reason', 'text')
      .addColumn('by', 'text')
      .addColumn('note', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('worklist_tasks_state').on('worklist_tasks').columns(['state', 'opened_on']).execute();
  },
};
