import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 18, item 6: SMS as a dunning channel — an outbox entry of kind `sms` (delivered through the SMS gateway
 * when one is configured, else written to the outbox directory), sent to the buyer's `phone` (a buyer import
 * column).
 */
export const m082: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table outbox drop constraint if exists outbox_kind_check`.execute(db);
    await sql`alter table outbox add constraint outbox_kind_check check (kind in ('email', 'print', 'case_file', 'sms'))`.execute(
      db,
    );
    await db.schema.alterTable('buyers').addColumn('phone', 'text').execute();
  },
};
