import type { Closing } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { sql } from 'kysely';
import { csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import { stage } from './import-checks';

/** The columns `open_documents` and `document_closings` share (migration 026). */
const DOCUMENT = sql.raw('number, buyer_id, type, issue_date, due_date, currency, amount');

/**
 * The closings a bulk writer computed with its rows (`LedgerWrites.insertSettlements`), kept in a temporary table
 * of the transaction and moved together (`flush`): a payment import closes most of what is open, and one set-based
 * move of every document it closes costs far less than a move per part. The store flushes them before anything in
 * the transaction reads the ledger again and before the commit, so no read sees the documents unmoved.
 */
export class PendingClosings {
  private count = 0;
  private touched = 0;

  /**
   * Appends `closed` (documents that were open, with no closing) to the move to come, and `touched` (documents left
   * open, with the earliest date of their allocation rows) to the update of their `first_moved_on` (migration 061).
   */
  async add(
    conn: Conn,
    closed: readonly Closing[],
    touched: readonly { number: string; firstMovedOn: BusinessDate }[] = [],
  ): Promise<void> {
    if (closed.length + touched.length === 0) return;
    if (this.count === 0)
      await sql`create temp table if not exists pending_closings (number text collate "C", closed_on date,
                first_moved_on date) on commit drop`.execute(conn.db);
    await conn.copy(
      'pending_closings',
      ['number', 'closed_on', 'first_moved_on'],
      csvParts(closed, (c) => [c.number, c.closedOn, c.firstMovedOn ?? null]),
    );
    // A touched document is staged without a closing date.
    if (touched.length > 0)
      await conn.copy(
        'pending_closings',
        ['number', 'first_moved_on'],
        csvParts(touched, (t) => [t.number, t.firstMovedOn]),
      );
    this.count += closed.length;
    this.touched += touched.length;
  }

  /**
   * Moves the pending documents from `open_documents` to `document_closings` with their dates; returns how many.
   * A pending document that is not open (closed meanwhile, or twice in the list) fails the transaction, as the
   * closings' primary key would.
   */
  async flush(conn: Conn): Promise<number> {
    const count = this.count;
    const touched = this.touched;
    if (count + touched === 0) return 0;
    this.count = 0;
    this.touched = 0;
    await sql`analyze pending_closings`.execute(conn.db);
    const { rows } = await sql<{ n: number | string; t: number | string }>`
      with moved as (
        delete from open_documents o using pending_closings p where o.number = p.number and p.closed_on is not null
        returning o.number, p.closed_on, o.buyer_id, o.type, o.issue_date, o.due_date, o.currency, o.amount,
                  p.first_moved_on),
      added as (
        insert into document_closings (number, closed_on, buyer_id, type, issue_date, due_date, currency, amount,
                                       first_moved_on)
        select * from moved returning 1),
      dated as (
        update open_documents o set first_moved_on = p.first_moved_on from pending_closings p
        where o.number = p.number and p.closed_on is null returning 1)
      select (select count(*) from added) as n, (select count(*) from dated) as t`.execute(conn.db);
    await sql`truncate pending_closings`.execute(conn.db);
    const moved = Number(rows[0]?.n ?? 0);
    if (moved !== count) throw new Error(`closings of ${count - moved} document(s) that are not open (of ${count})`);
    const dated = Number(rows[0]?.t ?? 0);
    if (dated !== touched) throw new Error(`${touched - dated} document(s) allocated and left open are not open`);
    return moved;
  }
}

/**
 * Brings the documents whose allocations changed to their state (the store calls it once, at the end of a
 * writing transaction): closed from the date of their last allocation (or issue) when all their rows bring the
 * balance to zero — in `document_closings`, with the date of their earliest row (`first_moved_on`) —, else open — in
 * `open_documents`. Allocation rows are only ever added,
 * so every as-of date on or after `closed_on` sees a zero balance and reads may skip the document; an open
 * document only means "look at the allocations". A reversal that reopens a document moves it back; a later
 * allocation that nets to zero again moves its `closed_on`.
 *
 * Concurrent writers: the documents' rows are locked (`for no key update`, in number order, so two refreshes never
 * deadlock) before their state is computed, and READ COMMITTED computes it after the lock, so the last of two
 * transactions that touched a document sees both's rows. Set-based: the numbers are staged once and joined.
 * Returns how many documents moved between the tables.
 */
export async function refreshClosedOn(conn: Conn, numbers: readonly string[]): Promise<number> {
  if (numbers.length === 0) return 0;
  await stage(
    conn,
    numbers.map((n) => [n]),
  );
  await sql`select 1 from documents d where d.number in (select k from import_keys)
            order by d.number for no key update`.execute(conn.db);
  const { rows } = await sql<{ closed: number | string; reopened: number | string }>`
    with s as (
      select x.number,
             case when (case when x.type = 'credit_note' then -x.amount else x.amount end) + coalesce(m.moved, 0) = 0
                  then greatest(x.issue_date, m.last) end as closed,
             m.first
      from import_keys k
      join documents x on x.number = k.k
      left join (
        select a.document_number, sum(a.delta) as moved, max(a.date) as last, min(a.date) as first
        from import_keys k2 join allocations a on a.document_number = k2.k
        group by a.document_number
      ) m on m.document_number = x.number),
    closing as (
      delete from open_documents o using s where o.number = s.number and s.closed is not null
      returning o.number, s.closed, o.buyer_id, o.type, o.issue_date, o.due_date, o.currency, o.amount, s.first),
    reopening as (
      delete from document_closings c using s where c.number = s.number and s.closed is null
      returning ${sql.raw('c.number, c.buyer_id, c.type, c.issue_date, c.due_date, c.currency, c.amount, s.first')}),
    -- Left open: the earliest row's date (null: none; migration 061).
    dated as (
      update open_documents o set first_moved_on = s.first from s
      where o.number = s.number and s.closed is null and o.first_moved_on is distinct from s.first returning 1),
    redated as (
      update document_closings c set closed_on = s.closed, first_moved_on = s.first from s
      where c.number = s.number and s.closed is not null
        and (c.closed_on <> s.closed or c.first_moved_on is distinct from s.first) returning 1),
    closed as (
      insert into document_closings (number, closed_on, buyer_id, type, issue_date, due_date, currency, amount,
                                     first_moved_on)
      select * from closing returning 1),
    reopened as (insert into open_documents (${DOCUMENT}, first_moved_on) select * from reopening returning 1)
    select (select count(*) from closed) as closed, (select count(*) from reopened) as reopened,
           (select count(*) from redated) as redated, (select count(*) from dated) as dated`.execute(conn.db);
  const r = rows[0];
  return Number(r?.closed ?? 0) + Number(r?.reopened ?? 0);
}
