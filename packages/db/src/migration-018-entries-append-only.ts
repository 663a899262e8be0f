import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Migration 012 made the money ledger append-only; these are the other entry tables, which the store only
 * ever inserts into: cash applications, collection events (disputes, promises, plans, notes), limit events
 * (requests, approvals), credit holds, dunning runs and letters and their delivery log, and FX rates.
 * Users and tokens are never deleted and only ever revoked: of their columns only `revoked_at` may be set
 * (a revocation is in the audit trail; a changed role or token hash would not be). Tables the store updates
 * in place stay writable: master data (buyers, orders, statements, grades and external grades, which an
 * import replaces), the outbox status, worklist tasks.
 */
export const ENTRY_TABLES = [
  'cash_applications',
  'collection_events',
  'limit_events',
  'credit_holds',
  'dunning_runs',
  'dunning_letters',
  'dunning_letter_items',
  'deliveries',
  'fx_rates',
] as const;

export const m018: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ENTRY_TABLES) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function credence_append_only()`.execute(db);
    }
    await sql`create trigger users_revoke_only before update of name, role, created_at or delete on users
      for each row execute function credence_append_only()`.execute(db);
    await sql`create trigger api_tokens_revoke_only before update of id, user_name, hash, created_at or delete
      on api_tokens for each row execute function credence_append_only()`.execute(db);
  },
};
