import type { Kysely, Migration } from 'kysely';

/**
 * Issue 15: a credit insurance policy may exclude affiliates and public buyers from cover (`exclusions`); the buyer
 * import says which buyers are (`affiliate`, `public_buyer`: yes/no; empty = not known, treated as no).
 */
export const m085: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('buyers')
      .addColumn('affiliate', 'boolean')
      .addColumn('public_buyer', 'boolean')
      .execute();
  },
};
