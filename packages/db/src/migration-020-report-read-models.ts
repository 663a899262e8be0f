import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Read models for the reports as of any date (docs/benchmarks.md).
 *
 * `sales_daily`: per currency and issue date, the number of documents and the sum of their signed face values
 * (credit notes negative) — what the KPIs' sales (the period's and the 24 countback windows') are sums of.
 * Documents are append-only (amount, type, currency and issue date can never change, migration 012), so the
 * sums only ever grow by the documents inserted: a statement-level trigger adds each statement's new rows
 * (COPY included) in one upsert, a back-dated document lands on its own day, and TRUNCATE of `documents`
 * empties it too. A day's row exists once a document of that day does, so the currencies with a document
 * issued by a date are the ones with a row by then.
 *
 * `payments_unapplied`: the payments that ever left cash unapplied after their own date (`applied_on` null or
 * later than `date`) — the only ones that can leave any as of a date on or after theirs, as `applied_on` is
 * never before `date`. Almost every payment is applied on its date, so the as-of sums of unapplied cash read
 * this small index instead of every payment.
 */
export const m020: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table sales_daily (
        currency text not null,
        issue_date date not null,
        documents int8 not null,
        amount numeric not null,
        primary key (currency, issue_date))`.execute(db);
    await sql`
      insert into sales_daily (currency, issue_date, documents, amount)
      select currency, issue_date, count(*), sum(case when type = 'credit_note' then -amount else amount end)
      from documents group by currency, issue_date`.execute(db);
    await sql`
      create function credence_sales_daily() returns trigger language plpgsql as $$
      begin
        insert into sales_daily as s (currency, issue_date, documents, amount)
        select n.currency, n.issue_date, count(*), sum(case when n.type = 'credit_note' then -n.amount else n.amount end)
        from new_documents n group by n.currency, n.issue_date
        on conflict (currency, issue_date)
        do update set documents = s.documents + excluded.documents, amount = s.amount + excluded.amount;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger documents_sales_daily after insert on documents
      referencing new table as new_documents
      for each statement execute function credence_sales_daily()`.execute(db);
    await sql`
      create function credence_sales_daily_truncate() returns trigger language plpgsql as $$
      begin
        truncate sales_daily;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger documents_sales_daily_truncate after truncate on documents
      for each statement execute function credence_sales_daily_truncate()`.execute(db);
    await sql`
      create index payments_unapplied on payments (date)
      where applied_on is null or applied_on > date`.execute(db);
  },
};
