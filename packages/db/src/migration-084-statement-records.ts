import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 18: what happened to a buyer's account statement of a closing date — sent (once per buyer and date, the
 * monthly statements to key accounts), confirmed by the buyer (once), or a line disputed (once per document, with
 * the buyer's note). Append-only.
 */
export const m084: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('statement_records')
      .addColumn('seq', 'bigserial', (c) => c.primaryKey())
      .addColumn('buyer_id', sql`text collate "C"`, (c) => c.notNull().references('buyers.id'))
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('sent', 'confirmed', 'disputed')`))
      .addColumn('document_number', sql`text collate "C"`, (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text')
      .addColumn('detail', 'text')
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_on', 'date', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`create unique index statement_records_once on statement_records (buyer_id, as_of, kind, document_number)`.execute(
      db,
    );
    await sql`create trigger statement_records_append_only before update or delete on statement_records
      for each row execute function credence_append_only()`.execute(db);
  },
};
