import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `documents.vat`: the VAT included in an invoice's amount (minor units), from an optional `vat` import column;
 * null when the import had none. A credit insurance policy whose `exclusions.vat` is true insures the amount net of
 * it (docs/domain/credit-insurance.md). Written once like every other column of `documents`: an UPDATE raises.
 */
export const m070: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table documents add column vat bigint`.execute(db);
    await sql`create trigger documents_vat_immutable before update of vat on documents
      for each row execute function credence_ledger_immutable()`.execute(db);
  },
};
