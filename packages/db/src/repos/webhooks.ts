import { randomBytes } from 'node:crypto';
import {
  type Attribution,
  type ClaimedDelivery,
  isWebhookEventType,
  type NewWebhookEvent,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookOutcome,
  type WebhookSubscription,
} from '@credence/app';
import { type Kysely, sql } from 'kysely';
import { opt } from '../convert';
import type { Database } from '../schema';

const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const eventType = (s: string): WebhookEventType => {
  if (!isWebhookEventType(s)) throw new Error(`unknown webhook event type ${s}`);
  return s;
};

interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string[];
  active: boolean;
  created_by: string;
  created_at: Date | string;
}

/** Whether an active subscription takes `type` (one probe of a small table). */
export async function webhookSubscribed(db: Kysely<Database>, type: string): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from webhook_subscriptions where active and ${type} = any(event_types) limit 1`.execute(db);
  return rows.length > 0;
}

export async function webhookSubscriptions(db: Kysely<Database>): Promise<WebhookSubscription[]> {
  const { rows } = await sql<SubscriptionRow>`
    select id, url, event_types, active, created_by, created_at from webhook_subscriptions
    order by created_at, id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    events: r.event_types.map(eventType),
    active: r.active,
    createdBy: r.created_by,
    createdAt: instant(r.created_at),
  }));
}

interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  type: string;
  occurred_at: Date | string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | string;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | string | null;
}

export async function webhookDeliveries(
  db: Kysely<Database>,
  subscriptionId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const { rows } = await sql<DeliveryRow>`
    select d.id, d.subscription_id, d.event_id, e.type, e.occurred_at, d.status, d.attempts, d.next_attempt_at,
           d.last_status_code, d.last_error, d.delivered_at
    from webhook_deliveries d join webhook_events e on e.id = d.event_id
    where d.subscription_id = ${subscriptionId}
    order by e.occurred_at desc, d.id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    subscriptionId: r.subscription_id,
    eventId: r.event_id,
    eventType: eventType(r.type),
    occurredAt: instant(r.occurred_at),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: instant(r.next_attempt_at),
    ...opt('lastStatusCode', r.last_status_code),
    ...opt('lastError', r.last_error),
    ...(r.delivered_at !== null ? { deliveredAt: instant(r.delivered_at) } : {}),
  }));
}

export async function insertWebhook(
  db: Kysely<Database>,
  s: { id: string; url: string; events: readonly string[]; secret: string },
  by: Attribution,
): Promise<void> {
  await sql`insert into webhook_subscriptions (id, url, event_types, secret, created_by, created_at)
            values (${s.id}, ${s.url}, ${[...s.events]}::text[], ${s.secret}, ${by.recordedBy}, ${by.recordedAt})`.execute(
    db,
  );
}

export async function deactivateWebhook(db: Kysely<Database>, id: string, at: Date): Promise<boolean> {
  const r = await sql`update webhook_subscriptions set active = false, removed_at = ${at}
                      where id = ${id} and active`.execute(db);
  if (Number(r.numAffectedRows ?? 0n) === 0) return false;
  await sql`update webhook_deliveries set status = 'failed', last_error = 'subscription removed'
            where subscription_id = ${id} and status = 'pending'`.execute(db);
  return true;
}

/** The event, then a delivery per active subscription to its type (or to the one named), due at once. */
export async function appendWebhookEvent(
  db: Kysely<Database>,
  e: NewWebhookEvent,
  at: Date,
): Promise<{ eventId?: string; deliveries: string[] }> {
  const id = `evt_${randomBytes(12).toString('hex')}`;
  const inserted = await sql<{ id: string }>`
    insert into webhook_events (id, type, payload, occurred_at, dedup_key)
    values (${id}, ${e.type}, ${JSON.stringify(e.payload)}::jsonb, ${at}, ${e.dedupKey ?? null})
    on conflict (dedup_key) do nothing returning id`.execute(db);
  if (inserted.rows.length === 0) return { deliveries: [] };
  const to = e.subscriptionId !== undefined ? sql`s.id = ${e.subscriptionId}` : sql`${e.type} = any(s.event_types)`;
  const { rows } = await sql<{ id: string }>`
    insert into webhook_deliveries (id, subscription_id, event_id, status, next_attempt_at)
    select ${id} || '.' || s.id, s.id, ${id}, 'pending', ${at}
    from webhook_subscriptions s where s.active and ${to}
    returning id`.execute(db);
  return { eventId: id, deliveries: rows.map((r) => r.id) };
}

interface ClaimRow {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  occurred_at: Date | string;
  payload: unknown;
}

/**
 * Claims due deliveries: the rows are locked `for update skip locked`, so a dispatcher running at once skips them
 * rather than waiting for them, and each is leased (due again at `leaseUntil`) with its attempt counted.
 */
export async function claimWebhookDeliveries(
  db: Kysely<Database>,
  q: { now: Date; leaseUntil: Date; batch: number; ids?: readonly string[] },
): Promise<ClaimedDelivery[]> {
  const only = q.ids === undefined ? sql`true` : sql`d.id = any(${[...q.ids]}::text[])`;
  const { rows } = await sql<ClaimRow>`
    with due as (
      select d.id from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
      where d.status = 'pending' and d.next_attempt_at <= ${q.now} and s.active and ${only}
      order by d.next_attempt_at, d.id
      limit ${q.batch}
      for update of d skip locked
    )
    update webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = ${q.leaseUntil}
    from due, webhook_subscriptions s, webhook_events e
    where d.id = due.id and s.id = d.subscription_id and e.id = d.event_id
    returning d.id, d.attempts, s.url, s.secret, e.id as event_id, e.type, e.occurred_at, e.payload`.execute(db);
  return rows
    .map((r) => ({
      id: r.id,
      attempt: r.attempts,
      url: r.url,
      secret: r.secret,
      eventId: r.event_id,
      eventType: eventType(r.type),
      occurredAt: instant(r.occurred_at),
      payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The outcome of the attempt claimed as `attempt`, unless the delivery was claimed again since. */
export async function recordWebhookOutcome(db: Kysely<Database>, o: WebhookOutcome): Promise<boolean> {
  const r = await sql`
    update webhook_deliveries set status = ${o.status},
      next_attempt_at = ${o.nextAttemptAt ?? o.at},
      last_status_code = ${o.statusCode ?? null},
      last_error = ${o.error ?? null},
      delivered_at = ${o.status === 'delivered' ? o.at : null}
    where id = ${o.id} and attempts = ${o.attempt} and status = 'pending'`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
}
