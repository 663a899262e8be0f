import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Cash applied by an operator (`payment apply`, `payment reallocate`): one append-only entry per application,
 * with who did it, beside the allocation rows (kind `payment`, entry id = the payment) it wrote.
 */
export const m014: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('cash_applications')
      .addColumn('id', sql`text collate "C"`, (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('apply', 'reallocate')`))
      .addColumn('payment_id', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('from_document', 'text')
      .addColumn('to_document', 'text', (c) => c.notNull())
      .addColumn('amount', 'int8', (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', sql`text collate "C"`, (c) => c.notNull().unique())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('cash_applications_payment').on('cash_applications').column('payment_id').execute();
  },
};
