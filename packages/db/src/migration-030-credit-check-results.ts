import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The order credit check's holds and referrals, kept for the credit desk (issue 13): the order, the exposure and
 * limit it was weighed against (minor units of `currency`, the limit's), the reasons (code and parameters) and who
 * asked when. An approval is not kept. Append-only, as the other entry tables (migration 018). And the limit
 * requests of every buyer, by id, for the list of those waiting (`pendingLimitRequests`).
 */
export const m030: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table credit_check_results (
      id bigint generated always as identity primary key,
      buyer_id text collate "C" not null,
      order_id text,
      as_of date not null,
      decision text not null check (decision in ('hold', 'refer')),
      currency text not null,
      order_amount int8 not null,
      open_receivables int8 not null,
      open_orders int8 not null,
      delivered_not_invoiced int8 not null,
      exposure_after int8 not null,
      limit_amount int8,
      reasons jsonb not null,
      checked_by text not null,
      checked_at timestamptz not null
    )`.execute(db);
    await sql`create index credit_check_results_as_of on credit_check_results (as_of, id)`.execute(db);
    await sql`create index limit_events_requests on limit_events (id) where kind = 'request'`.execute(db);
    await sql`create trigger credit_check_results_append_only before update or delete on credit_check_results
      for each row execute function credence_append_only()`.execute(db);
  },
};
