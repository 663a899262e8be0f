import type { Attribution, Recorded, Reversal, Stored, WriteOff } from '@credence/app';
import { type Kysely, sql } from 'kysely';
import { asDate, chunks } from '../convert';
import { copyLayout, csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { Database, ReversalsTable, WriteOffsTable } from '../schema';
import { ATTRIBUTION_COLUMNS, attributionFields, recordedOf } from './attribution';

/** The COPY layouts of `write_offs` and `reversals` (the attribution columns follow). */
const WRITE_OFF = copyLayout<Stored<WriteOff>>([
  ['id', (w) => w.id],
  ['document_number', (w) => w.documentNumber],
  ['date', (w) => w.date],
  ['amount', (w) => w.amount],
  ['reason', (w) => w.reason],
  ['idempotency_key', (w) => w.idempotencyKey],
  ['content_hash', (w) => w.contentHash],
]);
const REVERSAL = copyLayout<Stored<Reversal>>([
  ['id', (r) => r.id],
  ['kind', (r) => r.kind],
  ['target_id', (r) => r.targetId],
  ['date', (r) => r.date],
  ['reason', (r) => r.reason],
  ['idempotency_key', (r) => r.idempotencyKey],
  ['content_hash', (r) => r.contentHash],
]);

const toWriteOff = (r: WriteOffsTable): Recorded<Stored<WriteOff>> => ({
  id: r.id,
  documentNumber: r.document_number,
  date: asDate(r.date),
  amount: r.amount,
  reason: r.reason,
  idempotencyKey: r.idempotency_key,
  contentHash: r.content_hash,
  ...recordedOf(r),
});

const toReversal = (r: ReversalsTable): Recorded<Stored<Reversal>> => ({
  id: r.id,
  kind: r.kind,
  targetId: r.target_id,
  date: asDate(r.date),
  reason: r.reason,
  idempotencyKey: r.idempotency_key,
  contentHash: r.content_hash,
  ...recordedOf(r),
});

export async function insertWriteOffs(conn: Conn, rows: readonly Stored<WriteOff>[], by: Attribution): Promise<void> {
  const att = attributionFields(by);
  await conn.copy(
    'write_offs',
    WRITE_OFF.columns(...ATTRIBUTION_COLUMNS),
    csvParts(rows, (w) => WRITE_OFF.row(w, att)),
  );
}

export async function insertReversals(conn: Conn, rows: readonly Stored<Reversal>[], by: Attribution): Promise<void> {
  const att = attributionFields(by);
  await conn.copy(
    'reversals',
    REVERSAL.columns(...ATTRIBUTION_COLUMNS),
    csvParts(rows, (r) => REVERSAL.row(r, att)),
  );
}

export async function findWriteOffs(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Recorded<Stored<WriteOff>>[]> {
  const out: Recorded<Stored<WriteOff>>[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('write_offs').selectAll().where(sql<boolean>`id = any(${part}::text[])`).execute();
    out.push(...rows.map(toWriteOff));
  }
  return out;
}

export async function findReversals(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Recorded<Stored<Reversal>>[]> {
  const out: Recorded<Stored<Reversal>>[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('reversals').selectAll().where(sql<boolean>`id = any(${part}::text[])`).execute();
    out.push(...rows.map(toReversal));
  }
  return out;
}

export async function correctionsOf(
  db: Kysely<Database>,
  buyerId: string,
): Promise<{ writeOffs: Recorded<Stored<WriteOff>>[]; reversals: Recorded<Stored<Reversal>>[] }> {
  const writeOffs = await sql<WriteOffsTable>`
    select w.* from write_offs w join documents d on d.number = w.document_number
    where d.buyer_id = ${buyerId} order by w.date, w.id`.execute(db);
  const reversals = await sql<ReversalsTable>`
    select r.* from reversals r
    where (r.kind = 'payment' and exists (select 1 from payments p where p.id = r.target_id and p.buyer_id = ${buyerId}))
       or (r.kind = 'write_off' and exists (
             select 1 from write_offs w join documents d on d.number = w.document_number
             where w.id = r.target_id and d.buyer_id = ${buyerId}))
    order by r.date, r.id`.execute(db);
  return { writeOffs: writeOffs.rows.map(toWriteOff), reversals: reversals.rows.map(toReversal) };
}

export async function reversalOf(
  db: Kysely<Database>,
  kind: Reversal['kind'],
  targetId: string,
): Promise<Recorded<Stored<Reversal>> | undefined> {
  const row = await db
    .selectFrom('reversals')
    .selectAll()
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return row === undefined ? undefined : toReversal(row);
}
