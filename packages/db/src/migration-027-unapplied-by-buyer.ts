import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The credit check reads a buyer's payments that may leave cash unapplied as of its date (`unappliedPaymentsQuery`).
 * Only a payment not applied in full on its own date can (`applied_on` null or later than `date`: the predicate of
 * `payments_unapplied`, migration 020), and almost every payment is applied on its date, so the check read the
 * buyer's whole payment history to find none. This index holds those few per buyer: the check reads them alone.
 */
export const m027: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create index payments_unapplied_buyer on payments (buyer_id, date)
      where applied_on is null or applied_on > date`.execute(db);
  },
};
