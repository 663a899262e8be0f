import { sql } from 'kysely';
import type { Conn } from '../engine/types';

/** The ledger tables a first bulk load may fill without their indexes. */
export type BulkTable = 'documents' | 'payments' | 'allocations' | 'document_closings' | 'open_documents';

/** A write of at least this many rows, into a table holding fewer, builds the table's indexes after the load. */
export const DEFER_INDEXES_FROM = 10_000;

/** How to put one index back exactly as it was: its constraint (primary key, unique) or its CREATE INDEX. */
interface IndexDef {
  readonly index: string;
  readonly constraint: string | null;
  readonly definition: string;
}

/**
 * Indexes taken off tables for a bulk load, per table, to be rebuilt before the transaction ends. Filling
 * a table without its indexes and building them once after (a sort each) costs about half of keeping them
 * up to date row by row on a million rows; the rebuild runs in the same transaction, so the table never
 * commits without them, and a duplicate key still fails the whole transaction (when the unique index is
 * built). Only a load larger than what the table already holds is treated so (a first load, mostly): a
 * daily file into a big table keeps its indexes (rebuilding them would cost more than the load), and a
 * small write never takes the exclusive lock that dropping an index needs (other sessions' reads and
 * writes of the table wait for the commit).
 */
export class DeferredIndexes {
  private readonly checked = new Set<BulkTable>();
  private readonly dropped = new Map<BulkTable, IndexDef[]>();

  /** Before a write of `rows` rows into `table`: drops its indexes if the write is large and the table smaller. */
  async beforeWrite(conn: Conn, table: BulkTable, rows: number): Promise<void> {
    if (rows < DEFER_INDEXES_FROM || this.checked.has(table)) return;
    this.checked.add(table);
    // Counting stops at `rows`: the cost is bounded by the write's own size.
    const { rows: held } = await sql<{ n: number | string | bigint }>`
      select count(*) as n from (select 1 from ${sql.table(table)} limit ${rows}) x`.execute(conn.db);
    if (Number(held[0]?.n ?? rows) >= rows) return;
    // An index a foreign key of another table references (documents' key, by delivery_confirmations) stays.
    const { rows: defs } = await sql<IndexDef>`
      select i.indexrelid::regclass::text as index, c.conname as constraint,
             coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid)) as definition
      from pg_index i
      left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
      where i.indrelid = ${table}::regclass
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid)
      order by i.indexrelid`.execute(conn.db);
    for (const d of defs) {
      if (d.constraint !== null)
        await sql`alter table ${sql.table(table)} drop constraint ${sql.id(d.constraint)}`.execute(conn.db);
      else await sql`drop index ${sql.raw(d.index)}`.execute(conn.db);
    }
    this.dropped.set(table, defs);
  }

  /** Whether this transaction took the indexes of `table` off (until the rebuild). */
  deferred(table: BulkTable): boolean {
    return this.dropped.has(table);
  }

  /** Rebuilds every index dropped in this transaction (before anything reads the tables by them). */
  async rebuild(conn: Conn): Promise<void> {
    if (this.dropped.size === 0) return;
    // A million keys sort in memory instead of on disk (the default is 64 MB); for this transaction only.
    await sql`set local maintenance_work_mem = '256MB'`.execute(conn.db);
    for (const [table, defs] of this.dropped) {
      for (const d of defs) {
        if (d.constraint !== null)
          await sql`alter table ${sql.table(table)} add constraint ${sql.id(d.constraint)} ${sql.raw(d.definition)}`.execute(
            conn.db,
          );
        else await sql.raw(d.definition).execute(conn.db);
      }
    }
    this.dropped.clear();
  }
}
