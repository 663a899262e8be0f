import type { Attribution, Closing } from '@credence/app';
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
 * Records the closings a writer computed with its rows (`LedgerWrites.insertSettlements`), appended by
 * COPY to `document_closings`: the documents were open (no closing) before the rows, so none is replaced.
 */
export async function writeClosings(conn: Conn, closed: readonly Closing[]): Promise<void> {
  if (closed.length === 0) return;
  await conn.copy(
    'document_closings',
    ['number', 'closed_on'],
    csvParts(closed, (c) => [c.number, c.closedOn]),
  );
}

/**
 * Brings `document_closings` up to date for the documents whose allocations changed (the store calls
 * it once, at the end of a writing transaction): closed from the date of their last allocation (or issue)
 * when all their rows bring the balance to zero, else no row. Allocation rows are only ever added, so every
 * as-of date on or after `closed_on` sees a zero balance and reads may skip the document; no row only means
 * "look at the allocations". Set-based: the numbers are staged once and joined.
 */
export async function refreshClosedOn(conn: Conn, numbers: readonly string[]): Promise<void> {
  if (numbers.length === 0) return;
  await stage(
    conn,
    numbers.map((n) => [n]),
  );
  await sql`delete from document_closings c using import_keys k where c.number = k.k`.execute(conn.db);
  await sql`
    insert into document_closings (number, closed_on)
    select s.number, s.closed
    from (
      select x.number,
             case when (case when x.type = 'credit_note' then -x.amount else x.amount end) + coalesce(m.moved, 0) = 0
                  then greatest(x.issue_date, m.last) end as closed
      from import_keys k
      join documents x on x.number = k.k
      left join (
        select a.document_number, sum(a.delta) as moved, max(a.date) as last
        from import_keys k2 join allocations a on a.document_number = k2.k
        group by a.document_number
      ) m on m.document_number = x.number
    ) s
    where s.closed is not null`.execute(conn.db);
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
