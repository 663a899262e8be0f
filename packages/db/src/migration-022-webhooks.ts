import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Webhooks (issue 12, item 7): subscriptions (the secret is kept: each delivery is signed with it), the outbox of
 * events (written in the transaction of the change they report; `dedup_key` unique where a change could be
 * reported twice) and one delivery per subscription × event, which the dispatcher claims with
 * `for update skip locked` (`repos/webhooks.ts`).
 */
export const m022: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table webhook_subscriptions (
      id text collate "C" primary key,
      url text not null,
      event_types text[] not null,
      secret text not null,
      active boolean not null default true,
      created_by text not null,
      created_at timestamptz not null,
      removed_at timestamptz
    )`.execute(db);
    await sql`create table webhook_events (
      id text collate "C" primary key,
      type text not null,
      payload jsonb not null,
      occurred_at timestamptz not null,
      dedup_key text collate "C" unique
    )`.execute(db);
    await sql`create table webhook_deliveries (
      id text collate "C" primary key,
      subscription_id text collate "C" not null references webhook_subscriptions (id),
      event_id text collate "C" not null references webhook_events (id),
      status text not null check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_status_code integer,
      last_error text,
      delivered_at timestamptz,
      unique (subscription_id, event_id)
    )`.execute(db);
    await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(
      db,
    );
    await sql`create index webhook_deliveries_event on webhook_deliveries (event_id)`.execute(db);
  },
};
