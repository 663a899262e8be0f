import { DEFAULT_MIGRATION_TABLE, type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/** The last migration recorded in the store's schema (names sort in order: `015_…` after `014_…`). */
export async function lastMigration(db: Kysely<Database>): Promise<string | undefined> {
  const { rows } = await sql<{ name: string | null }>`
    select max(name) as name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  return rows[0]?.name ?? undefined;
}
