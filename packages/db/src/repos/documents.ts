import type { Attribution, Recorded, Stored } from '@credence/app';
import type { LedgerDocument } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, chunks, opt } from '../convert';
import { csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { Database, DocumentsTable } from '../schema';
import { ATTRIBUTION_COLUMNS, attributionFields, recordedOf } from './attribution';

const COLUMNS = [
  'number',
  'buyer_id',
  'type',
  'issue_date',
  'due_date',
  'delivery_date',
  'order_ref',
  'amount',
  'currency',
  'idempotency_key',
  'content_hash',
  'applies_to',
  ...ATTRIBUTION_COLUMNS,
] as const;

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
  ...recordedOf(r),
});

/** Bulk insert with COPY; a number or idempotency key already stored fails the whole transaction. */
export async function insertDocuments(
  conn: Conn,
  rows: readonly Stored<LedgerDocument>[],
  by: Attribution,
): Promise<void> {
  const att = attributionFields(by);
  const csv = csvParts(rows, (d) => [
    d.number,
    d.buyerId,
    d.type,
    d.issueDate,
    d.dueDate,
    d.deliveryDate,
    d.orderRef,
    d.amount,
    d.currency,
    d.idempotencyKey,
    d.contentHash,
    d.appliesTo,
    ...att,
  ]);
  await conn.copy('documents', COLUMNS, csv);
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
