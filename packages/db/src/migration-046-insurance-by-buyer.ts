import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 15 on the order check's path: whether a buyer has any credit-insurance event is read inside the check's one
 * statement (`reads/order-check.ts`), so a buyer without insurance costs no further round trip. The index leads by
 * the buyer (045's leads by the policy).
 */
export const m046: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index insurance_events_by_buyer on insurance_events (buyer_id)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index insurance_events_by_buyer`.execute(db);
  },
};
