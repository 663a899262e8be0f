import type { Recorded, Reduction } from '@credence/app';
import type { BusinessDate, DunnableItem, OpenCredit, Payment } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, chunks, toBig } from '../convert';
import { recordedOf } from '../repos/attribution';
import type { Database } from '../schema';
import { MAYBE_OPEN_DOCUMENTS, MOVED } from './open-items';

/** Invoices owed as of `asOf` and due by `dueBy` (the dunning run's horizon, before-due reminders included). */
export async function dunnableItems(
  db: Kysely<Database>,
  asOf: BusinessDate,
  dueBy: BusinessDate,
): Promise<DunnableItem[]> {
  const { rows } = await sql<{ number: string; buyer_id: string; currency: string; due_date: string; open: unknown }>`
    select * from (
      select d.number, d.buyer_id, d.currency, d.due_date, d.amount + coalesce(m.moved, 0) as open
      from ${MAYBE_OPEN_DOCUMENTS(asOf)} d ${MOVED(asOf)}
      where d.type = 'invoice' and d.due_date <= ${dueBy}::date
    ) o
    where o.open > 0
    order by o.buyer_id, o.due_date, o.number`.execute(db);
  return rows.map((r) => ({
    number: r.number,
    buyerId: r.buyer_id,
    currency: asCurrency(r.currency),
    dueDate: asDate(r.due_date),
    open: toBig(r.open),
  }));
}

/** Open credit notes of these buyers as of the date: the balance in the buyer's favour, as a positive amount. */
export async function openCreditNotes(
  db: Kysely<Database>,
  asOf: BusinessDate,
  buyerIds: readonly string[],
): Promise<(OpenCredit & { buyerId: string })[]> {
  const out: (OpenCredit & { buyerId: string })[] = [];
  for (const part of chunks(buyerIds)) {
    const { rows } = await sql<{
      number: string;
      buyer_id: string;
      currency: string;
      issue_date: string;
      open: unknown;
    }>`
      select * from (
        select d.number, d.buyer_id, d.currency, d.issue_date, -d.amount + coalesce(m.moved, 0) as open
        from ${MAYBE_OPEN_DOCUMENTS(asOf)} d ${MOVED(asOf)}
        where d.type = 'credit_note' and d.buyer_id = any(${part}::text[])
      ) o
      where o.open < 0
      order by o.buyer_id, o.issue_date, o.number`.execute(db);
    for (const r of rows)
      out.push({
        kind: 'credit_note',
        reference: r.number,
        date: asDate(r.issue_date),
        currency: asCurrency(r.currency),
        amount: -toBig(r.open),
        buyerId: r.buyer_id,
      });
  }
  return out;
}

/**
 * Per document and date, the net reduction of its balance (allocation deltas are negative when they reduce),
 * credit-note applications apart from payments and write-offs.
 */
export async function documentReductions(
  db: Kysely<Database>,
  numbers: readonly string[],
  asOf: BusinessDate,
): Promise<Reduction[]> {
  const out: Reduction[] = [];
  for (const part of chunks(numbers)) {
    const { rows } = await sql<{ document_number: string; date: string; credit: boolean; amount: unknown }>`
      select document_number, date, kind = 'credit_note' as credit, -sum(delta) as amount from allocations
      where document_number = any(${part}::text[]) and date <= ${asOf}::date
      group by document_number, date, kind = 'credit_note' having sum(delta) <> 0
      order by document_number, date, credit`.execute(db);
    for (const r of rows)
      out.push({ number: r.document_number, date: asDate(r.date), amount: toBig(r.amount), credit: Boolean(r.credit) });
  }
  return out;
}

export async function paymentsOf(db: Kysely<Database>, buyerId: string): Promise<Recorded<Payment>[]> {
  const { rows } = await sql<{
    id: string;
    buyer_id: string;
    date: string;
    amount: unknown;
    currency: string;
    document_number: string | null;
    recorded_by: string | null;
    recorded_at: Date | null;
    source: string | null;
  }>`
    select id, buyer_id, date, amount, currency, document_number, recorded_by, recorded_at, source from payments
    where buyer_id = ${buyerId} order by date, id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    buyerId: r.buyer_id,
    date: asDate(r.date),
    amount: toBig(r.amount),
    currency: asCurrency(r.currency),
    ...(r.document_number !== null ? { documentNumber: r.document_number } : {}),
    ...recordedOf(r),
  }));
}
