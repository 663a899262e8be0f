import type { OpenInvoice } from '@credence/app';
import type { BusinessDate, OpenItem } from '@credence/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { asCurrency, asDate, chunks, toBig } from '../convert';
import type { Database } from '../schema';

/** Signed face value: a credit note counts negative. */
export const SIGNED = sql`(case when d.type = 'credit_note' then -d.amount else d.amount end)`;

/** A value of a statement: a parameter, or SQL such as a column of an outer query (`k.as_of`). */
export type SqlValue<T> = T | RawBuilder<T>;

/**
 * The documents that may be open as of a date, with the columns of `documents` the reads need (number, buyer_id,
 * type, issue_date, due_date, currency, amount), `first_moved_on` (see `MAY_HAVE_MOVED`) and `closed_on` ('infinity'
 * for an open document): issued by `issuedBy` and not closed by `notClosedBy` (default: the same date). Every document is either open (`open_documents`: no closing) or closed from a date
 * (`document_closings`, migration 026), so these are the open ones issued by then and the ones closed after
 * `notClosedBy` — a document closed after the date is still open as of it. A closed document is never read, so the
 * work follows the documents open at the date, not the size of the ledger. A filter on the result (a buyer) reaches
 * both tables' indexes.
 */
export const MAYBE_OPEN_DOCUMENTS = (
  issuedBy: SqlValue<BusinessDate>,
  notClosedBy: SqlValue<BusinessDate> = issuedBy,
): RawBuilder<unknown> => sql`(
    select o.number, o.buyer_id, o.type, o.issue_date, o.due_date, o.currency, o.amount,
           coalesce(o.first_moved_on, 'infinity'::date) as first_moved_on, 'infinity'::date as closed_on
    from open_documents o where o.issue_date <= ${issuedBy}::date
    union all
    select c.number, c.buyer_id, c.type, c.issue_date, c.due_date, c.currency, c.amount, c.first_moved_on, c.closed_on
    from document_closings c where c.closed_on > ${notClosedBy}::date and c.issue_date <= ${issuedBy}::date)`;

/**
 * Whether a document of `MAYBE_OPEN_DOCUMENTS` may have allocation rows dated ≤ asOf: not one whose earliest row
 * (`first_moved_on`, migrations 060 and 061; 'infinity' for an open document without rows, null for a closing whose
 * date is unknown) is later. Only the outer row's columns: the planner makes it a
 * one-time filter of the probe, which is then not run (a null sum, as when the probe finds no row).
 */
export const MAY_HAVE_MOVED = (asOf: SqlValue<BusinessDate>) =>
  sql`(d.first_moved_on is null or d.first_moved_on <= ${asOf}::date)`;

/** The sum of a document's allocation deltas dated ≤ asOf, read from the covering index (when there may be any). */
export const MOVED = (asOf: SqlValue<BusinessDate>) =>
  sql`left join lateral (select sum(a.delta) as moved from allocations a
                         where a.document_number = d.number and a.date <= ${asOf}::date
                           and ${MAY_HAVE_MOVED(asOf)}) m on true`;

/**
 * The documents that may be open as of `asOf` with their signed open balance as of that date
 * (face value + allocation deltas dated ≤ asOf); some balances may be zero. Columns: number, buyer_id,
 * type, issue_date, due_date, currency, open. A document closed by `asOf` is skipped without reading
 * its allocations, so the work follows the open items of the date, not the size of the ledger.
 */
export function openAsOf(asOf: BusinessDate): RawBuilder<unknown> {
  return sql`
    select d.number, d.buyer_id, d.type, d.issue_date, d.due_date, d.currency,
           ${SIGNED} + coalesce(m.moved, 0) as open
    from ${MAYBE_OPEN_DOCUMENTS(asOf)} d ${MOVED(asOf)}`;
}

export interface OpenRow {
  number: string;
  buyer_id: string;
  type: 'invoice' | 'credit_note';
  issue_date: string;
  due_date: string;
  currency: string;
  open: unknown;
}

/** One buyer's documents with their open balance as of `asOf` (≠ 0), by due date, issue date and number. */
export const buyerOpenItemsQuery = (
  buyerId: SqlValue<string>,
  asOf: SqlValue<BusinessDate>,
): RawBuilder<OpenRow> => sql<OpenRow>`
    select * from (
      select d.number, d.buyer_id, d.type, d.issue_date, d.due_date, d.currency, ${SIGNED} + coalesce(m.moved, 0) as open
      from ${MAYBE_OPEN_DOCUMENTS(asOf)} d ${MOVED(asOf)}
      where d.buyer_id = ${buyerId}
    ) o
    where o.open <> 0
    order by o.due_date, o.issue_date, o.number`;

export const toOpenItem = (r: OpenRow): OpenItem => ({
  buyerId: r.buyer_id,
  number: r.number,
  type: r.type,
  issueDate: asDate(r.issue_date),
  dueDate: asDate(r.due_date),
  currency: asCurrency(r.currency),
  open: toBig(r.open),
});

export async function buyerOpenItems(db: Kysely<Database>, buyerId: string, asOf: BusinessDate): Promise<OpenItem[]> {
  const { rows } = await buyerOpenItemsQuery(buyerId, asOf).execute(db);
  return rows.map(toOpenItem);
}

/**
 * Invoices of these buyers still owed after every recorded allocation, whatever its date, with the date
 * of their latest allocation. Only the open documents are read (`open_documents`), joined to their allocation rows
 * and grouped by document.
 */
export async function openInvoices(db: Kysely<Database>, buyerIds: readonly string[]): Promise<OpenInvoice[]> {
  const out: OpenInvoice[] = [];
  for (const part of chunks(buyerIds)) {
    const { rows } = await sql<Omit<OpenRow, 'type'> & { last: string | null; first: string | null }>`
      select d.number, d.buyer_id, d.issue_date, d.due_date, d.currency,
             d.amount + coalesce(sum(a.delta), 0) as open, max(a.date) as last, min(a.date) as first
      from open_documents d left join allocations a on a.document_number = d.number
      where d.type = 'invoice' and d.buyer_id = any(${part}::text[])
      group by d.number
      having d.amount + coalesce(sum(a.delta), 0) > 0
      order by d.buyer_id, d.due_date, d.issue_date, d.number`.execute(db);
    for (const r of rows) {
      const invoice: OpenInvoice = {
        buyerId: r.buyer_id,
        number: r.number,
        issueDate: asDate(r.issue_date),
        dueDate: asDate(r.due_date),
        currency: asCurrency(r.currency),
        open: toBig(r.open),
      };
      out.push(
        r.last === null || r.first === null
          ? invoice
          : { ...invoice, lastAllocatedOn: asDate(r.last), firstAllocatedOn: asDate(r.first) },
      );
    }
  }
  return out;
}
