import type { Allocation } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, chunks } from '../convert';
import { csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { AllocationsTable, Database } from '../schema';

const COLUMNS = ['kind', 'entry_id', 'document_number', 'buyer_id', 'date', 'delta', 'currency'] as const;

export const toAllocation = (r: AllocationsTable): Allocation => ({
  kind: r.kind,
  entryId: r.entry_id,
  documentNumber: r.document_number,
  buyerId: r.buyer_id,
  date: asDate(r.date),
  delta: r.delta,
  currency: asCurrency(r.currency),
});

export async function insertAllocations(conn: Conn, rows: readonly Allocation[]): Promise<void> {
  const csv = csvParts(rows, (a) => [a.kind, a.entryId, a.documentNumber, a.buyerId, a.date, a.delta, a.currency]);
  await conn.copy('allocations', COLUMNS, csv);
  await refreshClosedOn(conn.db, [...new Set(rows.map((a) => a.documentNumber))]);
}

/**
 * Keeps `documents.closed_on` true for these documents after their allocations changed: the date of
 * their last allocation (or issue) when all their rows bring the balance to zero, else null. Because
 * allocation rows are only ever added, every as-of date on or after `closed_on` sees a zero balance,
 * so reads may skip those documents; null only means "look at the allocations".
 */
export async function refreshClosedOn(db: Kysely<Database>, numbers: readonly string[]): Promise<void> {
  for (const part of chunks(numbers)) {
    await sql`
      update documents d set closed_on = s.closed
      from (
        select x.number,
               case when (case when x.type = 'credit_note' then -x.amount else x.amount end)
                         + coalesce(sum(a.delta), 0) = 0
                    then greatest(x.issue_date, max(a.date)) end as closed
        from documents x
        left join allocations a on a.document_number = x.number
        where x.number = any(${part}::text[])
        group by x.number
      ) s
      where d.number = s.number and d.closed_on is distinct from s.closed`.execute(db);
  }
}

/** The rows an entry wrote (and the reversal rows written under its id), oldest first. */
export async function allocationsOf(
  db: Kysely<Database>,
  kind: Allocation['kind'],
  entryId: string,
): Promise<Allocation[]> {
  const rows = await db
    .selectFrom('allocations')
    .selectAll()
    .where('kind', '=', kind)
    .where('entry_id', '=', entryId)
    .orderBy('date')
    .orderBy('document_number')
    .orderBy('delta')
    .execute();
  return rows.map(toAllocation);
}
