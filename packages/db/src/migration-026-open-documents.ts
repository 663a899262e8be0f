import { type Kysely, type Migration, sql } from 'kysely';

/** The columns of a document the as-of reads need, in the order of both tables below (frozen here). */
const COLUMNS = sql.raw('number, buyer_id, type, issue_date, due_date, currency, amount');
const KEY = sql.raw('text collate "C"');

/**
 * The documents split by state, so as-of reads read the documents that may be open instead of anti-joining every
 * document to its closing (migration 025 regressed the aging and KPIs so). Every document is in exactly one of:
 *
 * - `open_documents`: no closing (its balance may be non-zero now); a copy of the columns the reads need;
 * - `document_closings`: closed for good from `closed_on` (migration 025's meaning), with the same columns.
 *
 * So the documents that may be open as of D are the open ones issued by D and the closed ones issued by D and
 * closed after D — the as-of semantics unchanged, a document closed later is still open as of an earlier date.
 * A trigger puts each new document (COPY included, one insert per statement) into `open_documents`; the store
 * moves a document between the two tables when its allocations close or reopen it (`repos/closings.ts`).
 * Documents stay append-only; both tables are read models (TRUNCATE of `documents` empties them).
 */
export const m026: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table open_documents (
        number ${KEY} primary key, buyer_id ${KEY} not null, type text not null, issue_date date not null,
        due_date date not null, currency text not null, amount int8 not null)`.execute(db);
    await sql`
      insert into open_documents (${COLUMNS})
      select ${COLUMNS} from documents d
      where not exists (select 1 from document_closings c where c.number = d.number)`.execute(db);
    await sql`create index open_documents_buyer on open_documents (buyer_id)`.execute(db);

    await sql`
      create table document_closings_026 (
        number ${KEY} not null, closed_on date not null, buyer_id ${KEY} not null, type text not null,
        issue_date date not null, due_date date not null, currency text not null, amount int8 not null)`.execute(db);
    await sql`
      insert into document_closings_026 (number, closed_on, buyer_id, type, issue_date, due_date, currency, amount)
      select c.number, c.closed_on, d.buyer_id, d.type, d.issue_date, d.due_date, d.currency, d.amount
      from document_closings c join documents d on d.number = c.number`.execute(db);
    await sql`drop table document_closings`.execute(db);
    await sql`alter table document_closings_026 rename to document_closings`.execute(db);
    await sql`alter table document_closings add constraint document_closings_pkey primary key (number)`.execute(db);
    // The whole portfolio as of a past date: the documents closed after it; one buyer's (the credit check).
    await sql`create index document_closings_date on document_closings (closed_on)`.execute(db);
    await sql`create index document_closings_buyer on document_closings (buyer_id, closed_on)`.execute(db);

    await sql`
      create function credence_open_documents() returns trigger language plpgsql as $$
      begin
        insert into open_documents (number, buyer_id, type, issue_date, due_date, currency, amount)
        select n.number, n.buyer_id, n.type, n.issue_date, n.due_date, n.currency, n.amount from new_documents n;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger documents_open after insert on documents
      referencing new table as new_documents
      for each statement execute function credence_open_documents()`.execute(db);
    await sql`
      create function credence_open_documents_truncate() returns trigger language plpgsql as $$
      begin
        -- Not TRUNCATE: a TRUNCATE of these tables with documents (the tests' reset) is the statement running.
        delete from open_documents;
        delete from document_closings;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger documents_open_truncate after truncate on documents
      for each statement execute function credence_open_documents_truncate()`.execute(db);
  },
};
