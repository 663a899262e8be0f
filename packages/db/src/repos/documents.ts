import type { Attribution, Recorded, Stored } from '@credence/app';
import type { LedgerDocument } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, chunks, opt } from '../convert';
import { copyLayout, csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { Database, DocumentsTable } from '../schema';
import { ATTRIBUTION_COLUMNS, attributionFields, recordedOf } from './attribution';

/** The COPY layout of `documents` (the attribution columns follow). */
const DOCUMENT = copyLayout<Stored<LedgerDocument>>([
  ['number', (d) => d.number],
  ['buyer_id', (d) => d.buyerId],
  ['type', (d) => d.type],
  ['issue_date', (d) => d.issueDate],
  ['due_date', (d) => d.dueDate],
  ['delivery_date', (d) => d.deliveryDate],
  ['order_ref', (d) => d.orderRef],
  ['amount', (d) => d.amount],
  ['currency', (d) => d.currency],
  ['idempotency_key', (d) => d.idempotencyKey],
  ['content_hash', (d) => d.contentHash],
  ['applies_to', (d) => d.appliesTo],
  ['disputed', (d) => (d.disputed === undefined ? null : String(d.disputed))],
  ['paperless', (d) => (d.paperless === undefined ? null : String(d.paperless))],
  ['vat', (d) => d.vat],
]);

export const toDocument = (r: DocumentsTable): Recorded<Stored<LedgerDocument>> => ({
  number: r.number,
  buyerId: r.buyer_id,
  type: r.type,
  issueDate: asDate(r.issue_date),
  dueDate: asDate(r.due_date),
  ...opt('deliveryDate', r.delivery_date === null ? null : asDate(r.delivery_date)),
  ...opt('orderRef', r.order_ref),
  amount: r.amount,
  currency: asCurrency(r.currency),
  idempotencyKey: r.idempotency_key,
  contentHash: r.content_hash,
  ...opt('appliesTo', r.applies_to),
  ...opt('disputed', r.disputed ?? null),
  ...opt('paperless', r.paperless ?? null),
  ...opt('vat', r.vat === null || r.vat === undefined ? null : BigInt(r.vat)),
  ...recordedOf(r),
});

/** Bulk insert with COPY; a number or idempotency key already stored fails the whole transaction. */
export async function insertDocuments(
  conn: Conn,
  rows: readonly Stored<LedgerDocument>[],
  by: Attribution,
): Promise<void> {
  const att = attributionFields(by);
  const csv = csvParts(rows, (d) => DOCUMENT.row(d, att));
  await conn.copy('documents', DOCUMENT.columns(...ATTRIBUTION_COLUMNS), csv);
}

export async function findDocuments(
  db: Kysely<Database>,
  numbers: readonly string[],
): Promise<Stored<LedgerDocument>[]> {
  const out: Stored<LedgerDocument>[] = [];
  for (const part of chunks(numbers)) {
    const rows = await db
      .selectFrom('documents')
      .selectAll()
      .where(sql<boolean>`number = any(${part}::text[])`)
      .execute();
    out.push(...rows.map(toDocument));
  }
  return out;
}
