import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/**
 * A transaction-scoped advisory lock on `key` (released at commit or rollback). PostgreSQL makes a second
 * transaction asking for the same key wait; PGlite has one connection, so it never waits, but runs the same SQL.
 */
export async function lockKey(db: Kysely<Database>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
}
