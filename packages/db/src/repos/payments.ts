import type { Attribution, Recorded, Stored } from '@credence/app';
import type { Payment } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, chunks, opt } from '../convert';
import { csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { Database, PaymentsTable } from '../schema';
import { ATTRIBUTION_COLUMNS, attributionFields, recordedOf } from './attribution';

const COLUMNS = [
  'id',
  'buyer_id',
  'date',
  'amount',
  'currency',
  'document_number',
  'idempotency_key',
  'content_hash',
  ...ATTRIBUTION_COLUMNS,
  'applied_on',
] as const;

export const toPayment = (r: PaymentsTable): Recorded<Stored<Payment>> => ({
  id: r.id,
  buyerId: r.buyer_id,
  date: asDate(r.date),
  amount: r.amount,
  currency: asCurrency(r.currency),
  ...opt('documentNumber', r.document_number),
  idempotencyKey: r.idempotency_key,
  contentHash: r.content_hash,
  ...recordedOf(r),
});

/** Bulk insert with COPY, with the `applied_on` of the payments a bulk settlement applied in full. */
export async function insertPayments(
  conn: Conn,
  rows: readonly Stored<Payment>[],
  by: Attribution,
  appliedOn: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const att = attributionFields(by);
  const csv = csvParts(rows, (p) => [
    p.id,
    p.buyerId,
    p.date,
    p.amount,
    p.currency,
    p.documentNumber,
    p.idempotencyKey,
    p.contentHash,
    ...att,
    appliedOn.get(p.id),
  ]);
  await conn.copy('payments', COLUMNS, csv);
}

export async function findPayments(db: Kysely<Database>, ids: readonly string[]): Promise<Recorded<Stored<Payment>>[]> {
  const out: Recorded<Stored<Payment>>[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('payments').selectAll().where(sql<boolean>`id = any(${part}::text[])`).execute();
    out.push(...rows.map(toPayment));
  }
  return out;
}
