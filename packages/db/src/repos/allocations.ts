import type { Attribution } from '@credence/app';
import type { Allocation } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate } from '../convert';
import { copyLayout, csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { AllocationsTable, Database } from '../schema';
import { ATTRIBUTION_COLUMNS, attributionFields } from './attribution';
import { stage } from './import-checks';

/** The COPY layout of `allocations` (the attribution columns follow). */
const ALLOCATION = copyLayout<Allocation>([
  ['kind', (a) => a.kind],
  ['entry_id', (a) => a.entryId],
  ['document_number', (a) => a.documentNumber],
  ['buyer_id', (a) => a.buyerId],
  ['date', (a) => a.date],
  ['delta', (a) => a.delta],
  ['currency', (a) => a.currency],
]);

export const toAllocation = (r: AllocationsTable): Allocation => ({
  kind: r.kind,
  entryId: r.entry_id,
  documentNumber: r.document_number,
  buyerId: r.buyer_id,
  date: asDate(r.date),
  delta: r.delta,
  currency: asCurrency(r.currency),
});

export async function insertAllocations(conn: Conn, rows: readonly Allocation[], by: Attribution): Promise<void> {
  const att = attributionFields(by);
  const csv = csvParts(rows, (a) => ALLOCATION.row(a, att));
  await conn.copy('allocations', ALLOCATION.columns(...ATTRIBUTION_COLUMNS), csv);
}

/**
 * Brings `payments.applied_on` up to date for these payments (the store calls it once, at the end of a
 * writing transaction, for the payments written, allocated or reversed in it): from when the payment
 * leaves no unapplied cash for good. Reversed (the reversal dated R): from the latest of R and its rows'
 * dates, when the reversal's rows have cancelled every row of it. Else, when its rows apply it in full:
 * from the latest of the payment's and its rows' dates. Else null ("look at the rows").
 */
export async function refreshAppliedOn(conn: Conn, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await stage(
    conn,
    ids.map((n) => [n]),
  );
  await sql`
    update payments p set applied_on = s.applied
    from (
      select x.id,
             case when r.date is not null then greatest(r.date, x.date, m.last)
                  when x.amount + coalesce(m.moved, 0) = 0 then greatest(x.date, m.last) end as applied
      from import_keys k
      join payments x on x.id = k.k
      left join (
        select a.entry_id, sum(a.delta) as moved, max(a.date) as last
        from import_keys k2 join allocations a on a.kind = 'payment' and a.entry_id = k2.k
        group by a.entry_id
      ) m on m.entry_id = x.id
      left join reversals r on r.kind = 'payment' and r.target_id = x.id
    ) s
    where p.id = s.id and p.applied_on is distinct from s.applied`.execute(conn.db);
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
