import type { Allocation } from '@credence/core';
import type { Kysely } from 'kysely';
import { asCurrency, asDate } from '../convert';
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
