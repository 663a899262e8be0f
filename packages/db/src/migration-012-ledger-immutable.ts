import { type Kysely, type Migration, sql } from 'kysely';

/** Every column of `payments`, as of migration 012 (frozen): a cache added later stays refreshable. */
const PAYMENT_COLUMNS = [
  'id',
  'buyer_id',
  'date',
  'amount',
  'currency',
  'document_number',
  'idempotency_key',
  'content_hash',
  'recorded_by',
  'recorded_at',
  'source',
] as const;

/** Every column of `documents` but `closed_on`, as of migration 012 (frozen). */
const DOCUMENT_COLUMNS = [
  'number',
  'buyer_id',
  'type',
  'issue_date',
  'due_date',
  'delivery_date',
  'order_ref',
  'amount',
  'currency',
  'idempotency_key',
  'content_hash',
  'applies_to',
  'recorded_by',
  'recorded_at',
  'source',
] as const;

/**
 * The ledger is append-only in the database too: UPDATE and DELETE on its tables raise an exception, except
 * the `documents.closed_on` read-model cache the store refreshes after allocations. (TRUNCATE, an owner's
 * operation, is not a row change and stays possible.)
 */
export const m012: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create function credence_ledger_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'the ledger is append-only: % on % is not allowed (record a reversal instead)', tg_op, tg_table_name
          using errcode = 'restrict_violation';
      end $$`.execute(db);
    for (const table of ['allocations', 'write_offs', 'reversals']) {
      await sql`create trigger ${sql.id(`${table}_immutable`)} before update or delete on ${sql.table(table)}
        for each row execute function credence_ledger_immutable()`.execute(db);
    }
    // Payments: an UPDATE that sets any column but applied_on (the unapplied-cash cache of migration 015).
    await sql`create trigger payments_immutable before update of ${sql.join(PAYMENT_COLUMNS.map((c) => sql.id(c)))}
      or delete on payments for each row execute function credence_ledger_immutable()`.execute(db);
    // Documents: an UPDATE that sets any column but closed_on (frozen list, as of this migration). The
    // closed_on refresh after allocation writes sets only that column, so no trigger runs for it at all.
    await sql`create trigger documents_immutable before update of ${sql.join(DOCUMENT_COLUMNS.map((c) => sql.id(c)))}
      or delete on documents for each row execute function credence_ledger_immutable()`.execute(db);
  },
};
