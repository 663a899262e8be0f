import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `document_closings.first_moved_on`: the date of the document's earliest allocation row (any kind). As of a date
 * before it, a closed document's balance is its face value: no allocation row can be dated on or before that date,
 * so the as-of reads skip the document's probe of `allocations` (`MOVED` in reads/open-items.ts). As of a year back,
 * most documents that may be open are closed after the date, and almost all of them had no allocation by then: the
 * probe per document was most of the read. Null means unknown (the reads probe); the store keeps it with the
 * closing (`repos/closings.ts`). Computed here for the closings already stored.
 */
export const m060: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table document_closings add column first_moved_on date`.execute(db);
    await sql`
      update document_closings c set first_moved_on = m.first
      from (select a.document_number, min(a.date) as first from allocations a
            where a.document_number in (select number from document_closings)
            group by a.document_number) m
      where m.document_number = c.number`.execute(db);
  },
};
