import type { DeliveryConfirmation } from '@credence/app';
import type { DeliveredInvoice } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, opt, toBig } from '../convert';
import type { Database } from '../schema';

interface Row {
  document_number: string;
  buyer_id: string;
  delivered_on: string;
  ref: string | null;
  by: string;
  recorded_on: string;
}

const toConfirmation = (r: Row): DeliveryConfirmation => ({
  document: r.document_number,
  buyerId: r.buyer_id,
  deliveredOn: asDate(r.delivered_on),
  ...opt('ref', r.ref),
  by: r.by,
  recordedOn: asDate(r.recorded_on),
});

export async function deliveryConfirmations(
  db: Kysely<Database>,
  documents?: readonly string[],
): Promise<DeliveryConfirmation[]> {
  if (documents !== undefined && documents.length === 0) return [];
  const where = documents === undefined ? sql`` : sql`where document_number = any(${[...documents]}::text[])`;
  const rows = await sql<Row>`select document_number, buyer_id, to_char(delivered_on, 'YYYY-MM-DD') as delivered_on,
      ref, by, to_char(recorded_on, 'YYYY-MM-DD') as recorded_on
    from delivery_confirmations ${where} order by document_number`.execute(db);
  return rows.rows.map(toConfirmation);
}

export async function insertDeliveryConfirmation(
  db: Kysely<Database>,
  c: DeliveryConfirmation,
  recordedAt: Date,
): Promise<boolean> {
  const r = await sql`insert into delivery_confirmations
      (document_number, buyer_id, delivered_on, ref, by, recorded_on, recorded_at)
    values (${c.document}, ${c.buyerId}, ${c.deliveredOn}, ${c.ref ?? null}, ${c.by}, ${c.recordedOn}, ${recordedAt})
    on conflict (document_number) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0n) > 0;
}

/** Open invoices (no closing) delivered by the date (delivery date, else invoice date) with no confirmation. */
export async function deliveriesAwaiting(
  db: Kysely<Database>,
  deliveredBy: string,
  buyerId?: string,
): Promise<DeliveredInvoice[]> {
  const buyer = buyerId === undefined ? sql`` : sql`and d.buyer_id = ${buyerId}`;
  const rows = await sql<{
    number: string;
    buyer_id: string;
    currency: string;
    amount: unknown;
    issue_date: string;
    delivery_date: string | null;
  }>`select d.number, d.buyer_id, d.currency, d.amount, to_char(d.issue_date, 'YYYY-MM-DD') as issue_date,
      to_char(d.delivery_date, 'YYYY-MM-DD') as delivery_date
    from open_documents o join documents d on d.number = o.number
    where d.type = 'invoice' and coalesce(d.delivery_date, d.issue_date) <= ${deliveredBy}::date ${buyer}
      and not exists (select 1 from delivery_confirmations c where c.document_number = d.number)
    order by coalesce(d.delivery_date, d.issue_date), d.number`.execute(db);
  return rows.rows.map((r) => ({
    number: r.number,
    buyerId: r.buyer_id,
    currency: asCurrency(r.currency),
    amount: toBig(r.amount),
    issueDate: asDate(r.issue_date),
    ...(r.delivery_date !== null ? { deliveryDate: asDate(r.delivery_date) } : {}),
  }));
}
