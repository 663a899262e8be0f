import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/**
 * A transaction-scoped advisory lock on `key` (released at commit or rollback). PostgreSQL makes a second
 * transaction asking for the same key wait; PGlite has one connection, so it never waits, but runs the same SQL.
 */
export async function lockKey(db: Kysely<Database>, key: string, within?: string): Promise<void> {
  if (within === undefined) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  else
    await sql`select pg_advisory_xact_lock_shared(hashtext(${`within:${within}`})), pg_advisory_xact_lock(hashtext(${key}))`.execute(
      db,
    );
}

/** The namespace of `lockKey(…, within)` held exclusively: waits for its holders, keeps new ones out. */
export async function lockNamespace(db: Kysely<Database>, within: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`within:${within}`}))`.execute(db);
}
