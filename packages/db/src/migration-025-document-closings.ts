import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `closed_on` leaves `documents` for a side table: `document_closings (number, closed_on)`, one row per
 * document whose balance is zero for good from that date (the read-model cache of migration 003, same
 * meaning; a document without a row may be open). A payment import closes most of what an invoice import
 * wrote: appending its closings by COPY costs a fraction of updating every closed document (a new version
 * of each row, and a table twice as large until it is vacuumed), and documents are written once again
 * (their pages full: fillfactor back to the default). As-of reads join the closings by document number.
 */
export const m025: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table document_closings (number text collate "C" primary key, closed_on date not null)`.execute(
      db,
    );
    await sql`insert into document_closings (number, closed_on)
              select number, closed_on from documents where closed_on is not null`.execute(db);
    await sql`alter table documents drop column closed_on`.execute(db);
    await sql`alter table documents reset (fillfactor)`.execute(db);
  },
};
