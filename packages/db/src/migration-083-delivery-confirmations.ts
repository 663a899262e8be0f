import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 18, item 5: proof of delivery — one confirmation per invoice (the delivery date it shows, a reference),
 * with who and when; append-only. The worklist's `confirm_delivery` tasks and the buyer page read the open
 * invoices without one (`deliveriesAwaiting`).
 */
export const m083: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('delivery_confirmations')
      .addColumn('document_number', sql`text collate "C"`, (c) => c.primaryKey().references('documents.number'))
      .addColumn('buyer_id', sql`text collate "C"`, (c) => c.notNull().references('buyers.id'))
      .addColumn('delivered_on', 'date', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_on', 'date', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`create trigger delivery_confirmations_append_only before update or delete on delivery_confirmations
      for each row execute function credence_append_only()`.execute(db);
  },
};
