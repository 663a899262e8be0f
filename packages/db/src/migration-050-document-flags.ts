import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Two optional yes/no facts an invoice export may carry (issue 17): `disputed` (the invoice was disputed) and
 * `paperless` (billed electronically); the payment-date forecast reads them. Null when the import had no such
 * column. Like every other column of `documents` they are written once: an UPDATE of them raises.
 */
export const m050: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table documents add column disputed boolean, add column paperless boolean`.execute(db);
    await sql`create trigger documents_flags_immutable before update of disputed, paperless on documents
      for each row execute function credence_ledger_immutable()`.execute(db);
  },
};
