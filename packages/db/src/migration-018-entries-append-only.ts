import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Migration 012 made the money ledger append-only; these are the other entry tables, which the store only
 * ever inserts into: cash applications, collection events (disputes, promises, plans, notes), limit events
 * (requests, approvals), credit holds, dunning runs and letters and their delivery log, and FX rates.
 * Tables the store updates in place stay writable: master data (buyers, orders, statements, grades and
 * external grades, which an import replaces), the outbox status, worklist tasks, users and tokens
 * (revocation sets `revoked_at`; revocations are in the audit trail).
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
  },
};
