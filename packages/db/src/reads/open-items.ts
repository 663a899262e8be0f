import type { OpenInvoice } from '@credence/app';
import type { BusinessDate, OpenItem } from '@credence/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { asCurrency, asDate, chunks, toBig } from '../convert';
import type { Database } from '../schema';

/** Signed face value: a credit note counts negative. */
export const SIGNED = sql`(case when d.type = 'credit_note' then -d.amount else d.amount end)`;

/**
 * Every document issued on or before `asOf` with its signed open balance as of that date
 * (face value + allocation deltas dated ≤ asOf), zero balances included. Columns: number,
 * buyer_id, type, issue_date, due_date, currency, open. For the whole portfolio the deltas are
 * summed once and hash-joined; the per-buyer read uses the (document_number, date) index instead.
 */
export function openAsOf(asOf: BusinessDate): RawBuilder<unknown> {
  return sql`
    select d.number, d.buyer_id, d.type, d.issue_date, d.due_date, d.currency,
           ${SIGNED} + coalesce(m.moved, 0) as open
    from documents d
    left join (
      select document_number, sum(delta) as moved from allocations
      where date <= ${asOf}::date group by document_number
    ) m on m.document_number = d.number
    where d.issue_date <= ${asOf}::date`;
}

interface OpenRow {
  number: string;
  buyer_id: string;
  type: 'invoice' | 'credit_note';
  issue_date: string;
  due_date: string;
  currency: string;
  open: unknown;
}

export async function buyerOpenItems(db: Kysely<Database>, buyerId: string, asOf: BusinessDate): Promise<OpenItem[]> {
  const { rows } = await sql<OpenRow>`
    select * from (
      select d.number, d.buyer_id, d.type, d.issue_date, d.due_date, d.currency,
             ${SIGNED} + coalesce((select sum(a.delta) from allocations a
                                   where a.document_number = d.number and a.date <= ${asOf}::date), 0) as open
      from documents d
      where d.buyer_id = ${buyerId} and d.issue_date <= ${asOf}::date
    ) o
    where o.open <> 0
    order by o.due_date, o.issue_date, o.number`.execute(db);
  return rows.map((r) => ({
    buyerId: r.buyer_id,
    number: r.number,
    type: r.type,
    issueDate: asDate(r.issue_date),
    dueDate: asDate(r.due_date),
    currency: asCurrency(r.currency),
    open: toBig(r.open),
  }));
}

/** Invoices of these buyers still owed after every recorded allocation, whatever its date. */
export async function openInvoices(db: Kysely<Database>, buyerIds: readonly string[]): Promise<OpenInvoice[]> {
  const out: OpenInvoice[] = [];
  for (const part of chunks(buyerIds)) {
    const { rows } = await sql<Omit<OpenRow, 'type'>>`
      select * from (
        select d.number, d.buyer_id, d.issue_date, d.due_date, d.currency, d.amount + coalesce(m.moved, 0) as open
        from documents d
        left join (
          select a.document_number, sum(a.delta) as moved from allocations a
          where a.document_number in (select number from documents where buyer_id = any(${part}::text[]))
          group by a.document_number
        ) m on m.document_number = d.number
        where d.type = 'invoice' and d.buyer_id = any(${part}::text[])
      ) o
      where o.open > 0
      order by o.buyer_id, o.due_date, o.issue_date, o.number`.execute(db);
    for (const r of rows) {
      out.push({
        buyerId: r.buyer_id,
        number: r.number,
        issueDate: asDate(r.issue_date),
        dueDate: asDate(r.due_date),
        currency: asCurrency(r.currency),
        open: toBig(r.open),
      });
    }
  }
  return out;
}
