import type { StatementRecord } from '@credence/app';
import { type Kysely, sql } from 'kysely';
import { asDate, opt } from '../convert';
import type { Database } from '../schema';

interface Row {
  buyer_id: string;
  as_of: string;
  kind: StatementRecord['kind'];
  document_number: string;
  note: string | null;
  detail: string | null;
  by: string;
  recorded_on: string;
}

export async function statementRecords(
  db: Kysely<Database>,
  buyerId: string,
  from: string,
  asOf: string,
): Promise<StatementRecord[]> {
  const rows = await sql<Row>`select buyer_id, to_char(as_of, 'YYYY-MM-DD') as as_of, kind, document_number, note,
      detail, by, to_char(recorded_on, 'YYYY-MM-DD') as recorded_on
    from statement_records where buyer_id = ${buyerId} and as_of between ${from}::date and ${asOf}::date
    order by seq`.execute(db);
  return rows.rows.map((r) => ({
    buyerId: r.buyer_id,
    asOf: asDate(r.as_of),
    kind: r.kind,
    ...(r.document_number !== '' ? { document: r.document_number } : {}),
    ...opt('note', r.note),
    ...opt('detail', r.detail),
    by: r.by,
    recordedOn: asDate(r.recorded_on),
  }));
}

export async function insertStatementRecord(
  db: Kysely<Database>,
  r: StatementRecord,
  recordedAt: Date,
): Promise<boolean> {
  const res = await sql`insert into statement_records
      (buyer_id, as_of, kind, document_number, note, detail, by, recorded_on, recorded_at)
    values (${r.buyerId}, ${r.asOf}, ${r.kind}, ${r.document ?? ''}, ${r.note ?? null}, ${r.detail ?? null}, ${r.by},
      ${r.recordedOn}, ${recordedAt})
    on conflict (buyer_id, as_of, kind, document_number) do nothing`.execute(db);
  return Number(res.numAffectedRows ?? 0n) > 0;
}
