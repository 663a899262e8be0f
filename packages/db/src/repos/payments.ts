import type { Attribution, Recorded, Stored } from '@credence/app';
import type { Payment } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, chunks, opt } from '../convert';
import { copyLayout, csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { Database, PaymentsTable } from '../schema';
import { ATTRIBUTION_COLUMNS, attributionFields, recordedOf } from './attribution';

/** The COPY layout of `payments` (the attribution columns and `applied_on` follow). */
const PAYMENT = copyLayout<Stored<Payment>>([
  ['id', (p) => p.id],
  ['buyer_id', (p) => p.buyerId],
  ['date', (p) => p.date],
  ['amount', (p) => p.amount],
  ['currency', (p) => p.currency],
  ['document_number', (p) => p.documentNumber],
  ['idempotency_key', (p) => p.idempotencyKey],
  ['content_hash', (p) => p.contentHash],
]);

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
  const csv = csvParts(rows, (p) => PAYMENT.row(p, [...att, appliedOn.get(p.id)]));
  await conn.copy('payments', PAYMENT.columns(...ATTRIBUTION_COLUMNS, 'applied_on'), csv);
}

export async function findPayments(db: Kysely<Database>, ids: readonly string[]): Promise<Recorded<Stored<Payment>>[]> {
  const out: Recorded<Stored<Payment>>[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('payments').selectAll().where(sql<boolean>`id = any(${part}::text[])`).execute();
    out.push(...rows.map(toPayment));
  }
  return out;
}
