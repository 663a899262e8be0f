import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `open_documents (issue_date)`: as of a past date the as-of reads want the open documents issued by then
 * (`MAYBE_OPEN_DOCUMENTS` in reads/open-items.ts), a few of them — as of a year back 1,221 of 98,356 for the 1 M-invoice
 * benchmark — in a table whose pages also hold the rows of the documents closed since (deleted, their space reused
 * as it comes): without the index every page was read (10,852 of the aging's 36,000 buffers). As of the end date
 * the reads still scan the table. Built in 0.3 s for the 98 k open documents of the 1 M benchmark; a document insert
 * (the trigger of migration 026) writes one more index entry.
 */
export const m098: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index if not exists open_documents_issued on open_documents (issue_date)`.execute(db);
  },
};
