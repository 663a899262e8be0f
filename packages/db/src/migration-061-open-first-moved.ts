import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `open_documents.first_moved_on`: the date of the open document's earliest allocation row, **null when it has none**
 * (unlike `document_closings.first_moved_on` of migration 060, where null means unknown). As of the end date the
 * as-of reads probed `allocations` once per open document, and most open documents (unpaid invoices) have no row:
 * with it the reads skip those probes and the ones of documents first touched after the date (`MOVED`). A new
 * document has no row (the trigger of migration 026 leaves it null); every writer of allocation rows keeps it:
 * `refreshClosedOn` from the rows, the bulk payment import from what it allocated (`repos/closings.ts`).
 */
export const m061: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table open_documents add column first_moved_on date`.execute(db);
    await sql`
      update open_documents o set first_moved_on = m.first
      from (select a.document_number, min(a.date) as first from allocations a
            where a.document_number in (select number from open_documents)
            group by a.document_number) m
      where m.document_number = o.number`.execute(db);
  },
};
