import { type Kysely, type Migration, sql } from 'kysely';

/** The ledger tables, as of migration 011 (frozen). */
const ATTRIBUTED = ['documents', 'payments', 'allocations', 'write_offs', 'reversals'] as const;

/**
 * Who recorded each ledger row, when (the writer's clock, not the server's) and from which file (imports).
 * Rows recorded before this migration keep nulls: their author is unknown.
 */
export const m011: Migration = {
  async up(db: Kysely<unknown>) {
    // documents.recorded_at exists already (migration 010, for the first dunning run): kept as it is.
    for (const table of ATTRIBUTED)
      await sql`alter table ${sql.table(table)} add column if not exists recorded_by text,
                add column if not exists recorded_at timestamptz, add column if not exists source text`.execute(db);
  },
};
