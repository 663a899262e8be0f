import type { Attribution, Recorded, Reversal, Stored, WriteOff } from '@credence/app';
import { type Kysely, sql } from 'kysely';
import { asDate, chunks } from '../convert';
import { csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { Database, ReversalsTable, WriteOffsTable } from '../schema';
import { ATTRIBUTION_COLUMNS, attributionFields, recordedOf } from './attribution';

const WRITE_OFF_COLUMNS = [
  'id',
  'document_number',
  'date',
  'amount',
  'reason',
  'idempotency_key',
  'content_hash',
  ...ATTRIBUTION_COLUMNS,
];
const REVERSAL_COLUMNS = [
  'id',
  'kind',
  'target_id',
  'date',
  'reason',
  'idempotency_key',
  'content_hash',
  ...ATTRIBUTION_COLUMNS,
];

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
  const csv = csvParts(rows, (w) => [
    w.id,
    w.documentNumber,
    w.date,
    w.amount,
    w.reason,
    w.idempotencyKey,
    w.contentHash,
    ...att,
  ]);
  await conn.copy('write_offs', WRITE_OFF_COLUMNS, csv);
}

export async function insertReversals(conn: Conn, rows: readonly Stored<Reversal>[], by: Attribution): Promise<void> {
  const att = attributionFields(by);
  const csv = csvParts(rows, (r) => [
    r.id,
    r.kind,
    r.targetId,
    r.date,
    r.reason,
    r.idempotencyKey,
    r.contentHash,
    ...att,
  ]);
  await conn.copy('reversals', REVERSAL_COLUMNS, csv);
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
