import { randomBytes } from 'node:crypto';
import type { CheckResult, CheckResultDraft, CheckResultQuery, NewWebhookEvent } from '@credence/app';
import type { CheckReason } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, toBig, toCount } from '../convert';
import type { NamedQuery } from '../engine/types';
import type { Database } from '../schema';

interface Row {
  id: unknown;
  buyer_id: string;
  order_id: string | null;
  as_of: string;
  decision: 'hold' | 'refer';
  currency: string;
  order_amount: unknown;
  open_receivables: unknown;
  open_orders: unknown;
  delivered_not_invoiced: unknown;
  exposure_after: unknown;
  limit_amount: unknown;
  reasons: unknown;
  checked_by: string;
  checked_at: Date | string;
  total: unknown;
}

const toResult = (r: Row): CheckResult => ({
  id: Number(r.id),
  buyerId: r.buyer_id,
  ...(r.order_id !== null ? { orderId: r.order_id } : {}),
  asOf: asDate(r.as_of),
  decision: r.decision,
  currency: asCurrency(r.currency),
  orderAmount: toBig(r.order_amount),
  openReceivables: toBig(r.open_receivables),
  openOrders: toBig(r.open_orders),
  deliveredNotInvoiced: toBig(r.delivered_not_invoiced),
  exposureAfter: toBig(r.exposure_after),
  ...(r.limit_amount !== null && r.limit_amount !== undefined ? { limit: toBig(r.limit_amount) } : {}),
  reasons: (typeof r.reasons === 'string' ? JSON.parse(r.reasons) : r.reasons) as CheckReason[],
  checkedBy: r.checked_by,
  checkedAt: new Date(r.checked_at),
});

export async function appendCreditCheckResult(
  db: Kysely<Database>,
  r: CheckResultDraft,
  by: { readonly recordedBy: string; readonly recordedAt: Date },
): Promise<void> {
  await sql`
    insert into credit_check_results (buyer_id, order_id, as_of, decision, currency, order_amount, open_receivables,
      open_orders, delivered_not_invoiced, exposure_after, limit_amount, reasons, checked_by, checked_at)
    values (${r.buyerId}, ${r.orderId ?? null}, ${r.asOf}::date, ${r.decision}, ${r.currency}, ${r.orderAmount},
      ${r.openReceivables}, ${r.openOrders}, ${r.deliveredNotInvoiced}, ${r.exposureAfter}, ${r.limit ?? null},
      ${JSON.stringify(r.reasons)}::jsonb, ${by.recordedBy}, ${by.recordedAt})`.execute(db);
}

/** A page of the kept results, newest first, with the count of all that match (one statement). */
export async function creditCheckResults(
  db: Kysely<Database>,
  q: CheckResultQuery,
): Promise<{ results: CheckResult[]; total: number }> {
  const where = sql.join(
    [
      sql`true`,
      ...(q.decision !== undefined ? [sql`decision = ${q.decision}`] : []),
      ...(q.from !== undefined ? [sql`as_of >= ${q.from}::date`] : []),
      ...(q.to !== undefined ? [sql`as_of <= ${q.to}::date`] : []),
    ],
    sql` and `,
  );
  const { rows } = await sql<Row>`
    with matching as (select * from credit_check_results where ${where})
    select m.*, t.total from (select count(*) as total from matching) t
    left join lateral (select * from matching order by id desc limit ${q.limit} offset ${q.offset}) m on true`.execute(
    db,
  );
  const total = toCount(rows[0]?.total ?? 0);
  return { results: rows.filter((r) => r.id !== null).map(toResult), total };
}

/** A hold or referral to keep: the result, the event to tell the webhooks (if any), who checked and when. */
export interface CheckResultToKeep {
  readonly result: CheckResultDraft;
  /** To the subscriptions that take its type (not to one named: that is a ping's). */
  readonly event?: Omit<NewWebhookEvent, 'subscriptionId'>;
  readonly by: { readonly recordedBy: string; readonly recordedAt: Date };
}

/**
 * Keeps the results of several checks in **one statement** (one round trip, atomic on its own): their rows of
 * `credit_check_results` in the order given, and, for each with an event whose type an active subscription takes,
 * the event (at the check's instant) and a pending delivery per such subscription, as `appendWebhookEvent` writes
 * them. The subscriptions are read by the statement itself: no probe before it. The text does not depend on the
 * number of results: with `named` one prepared statement serves every batch.
 */
export async function keepCheckResults(
  db: Kysely<Database>,
  rows: readonly CheckResultToKeep[],
  named?: NamedQuery,
): Promise<void> {
  const col = <T>(f: (k: CheckResultToKeep) => T): T[] => rows.map(f);
  const query = sql`
    with k as (
      select * from unnest(${col((k) => k.result.buyerId)}::text[], ${col((k) => k.result.orderId ?? null)}::text[],
        ${col((k) => k.result.asOf)}::date[], ${col((k) => k.result.decision)}::text[],
        ${col((k) => k.result.currency)}::text[], ${col((k) => String(k.result.orderAmount))}::int8[],
        ${col((k) => String(k.result.openReceivables))}::int8[], ${col((k) => String(k.result.openOrders))}::int8[],
        ${col((k) => String(k.result.deliveredNotInvoiced))}::int8[],
        ${col((k) => String(k.result.exposureAfter))}::int8[],
        ${col((k) => (k.result.limit === undefined ? null : String(k.result.limit)))}::int8[],
        ${col((k) => JSON.stringify(k.result.reasons))}::text[], ${col((k) => k.by.recordedBy)}::text[],
        ${col((k) => k.by.recordedAt.toISOString())}::timestamptz[],
        ${col((k) => (k.event === undefined ? null : `evt_${randomBytes(12).toString('hex')}`))}::text[],
        ${col((k) => k.event?.type ?? null)}::text[],
        ${col((k) => (k.event === undefined ? null : JSON.stringify(k.event.payload)))}::text[],
        ${col((k) => k.event?.dedupKey ?? null)}::text[])
        with ordinality as k(buyer_id, order_id, as_of, decision, currency, order_amount, open_receivables,
          open_orders, delivered_not_invoiced, exposure_after, limit_amount, reasons, checked_by, checked_at,
          event_id, event_type, payload, dedup_key, i)),
    kept as (
      insert into credit_check_results (buyer_id, order_id, as_of, decision, currency, order_amount,
        open_receivables, open_orders, delivered_not_invoiced, exposure_after, limit_amount, reasons, checked_by,
        checked_at)
      select buyer_id, order_id, as_of, decision, currency, order_amount, open_receivables, open_orders,
             delivered_not_invoiced, exposure_after, limit_amount, reasons::jsonb, checked_by, checked_at
        from k order by i),
    events as (
      insert into webhook_events (id, type, payload, occurred_at, dedup_key)
      select k.event_id, k.event_type, k.payload::jsonb, k.checked_at, k.dedup_key from k
       where k.event_id is not null
         and exists (select 1 from webhook_subscriptions s where s.active and k.event_type = any(s.event_types))
       order by k.i
      on conflict (dedup_key) do nothing
      returning id, type, occurred_at)
    insert into webhook_deliveries (id, subscription_id, event_id, status, next_attempt_at)
    select e.id || '.' || s.id, s.id, e.id, 'pending', e.occurred_at
      from events e join webhook_subscriptions s on s.active and e.type = any(s.event_types)`;
  if (named) await named('credence_keep_check_results', query.compile(db));
  else await query.execute(db);
}
