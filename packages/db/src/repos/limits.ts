import type { Stored } from '@credence/app';
import type { BusinessDate, CurrencyCode, LedgerDocument, LimitEvent } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, toBig } from '../convert';
import type { Database } from '../schema';
import { toDocument } from './documents';

export interface LimitEventRow {
  id: unknown;
  buyer_id: string;
  kind: LimitEvent['kind'];
  amount: unknown;
  currency: string;
  valid_from: string;
  expires_on: string | null;
  by: string;
  reason: string;
  request_id: unknown;
  recorded_on: string;
}

export const toLimitEvent = (r: LimitEventRow): LimitEvent => ({
  id: Number(r.id),
  buyerId: r.buyer_id,
  kind: r.kind,
  amount: toBig(r.amount),
  currency: asCurrency(r.currency),
  validFrom: asDate(r.valid_from),
  ...(r.expires_on !== null ? { expiresOn: asDate(r.expires_on) } : {}),
  by: r.by,
  reason: r.reason,
  ...(r.request_id !== null && r.request_id !== undefined ? { requestId: Number(r.request_id) } : {}),
  recordedOn: asDate(r.recorded_on),
});

export async function appendLimitEvent(db: Kysely<Database>, e: Omit<LimitEvent, 'id'>): Promise<LimitEvent> {
  const { rows } = await sql<LimitEventRow>`
    insert into limit_events (buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id, recorded_on)
    values (${e.buyerId}, ${e.kind}, ${e.amount}, ${e.currency}, ${e.validFrom}::date, ${e.expiresOn ?? null}::date,
            ${e.by}, ${e.reason}, ${e.requestId ?? null}, ${e.recordedOn}::date)
    returning id, buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id, recorded_on`.execute(
    db,
  );
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toLimitEvent(row);
}

/** Appends many limit events in one statement per 2,000 (a portfolio's limits at once); returned in the order given. */
export async function appendLimitEvents(
  db: Kysely<Database>,
  events: readonly Omit<LimitEvent, 'id'>[],
): Promise<LimitEvent[]> {
  const out: LimitEvent[] = [];
  for (let i = 0; i < events.length; i += 2000) {
    const part = events.slice(i, i + 2000);
    const col = <T>(f: (e: Omit<LimitEvent, 'id'>) => T): T[] => part.map(f);
    const { rows } = await sql<LimitEventRow>`
      insert into limit_events (buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id, recorded_on)
      select buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id, recorded_on
      from unnest(${col((e) => e.buyerId)}::text[], ${col((e) => e.kind)}::text[],
        ${col((e) => String(e.amount))}::int8[], ${col((e) => e.currency)}::text[], ${col((e) => e.validFrom)}::date[],
        ${col((e) => e.expiresOn ?? null)}::date[], ${col((e) => e.by)}::text[], ${col((e) => e.reason)}::text[],
        ${col((e) => e.requestId ?? null)}::int8[], ${col((e) => e.recordedOn)}::date[])
        with ordinality as e(buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id,
          recorded_on, i)
      order by i
      returning id, buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id, recorded_on`.execute(
      db,
    );
    out.push(...rows.map(toLimitEvent).sort((a, b) => a.id - b.id));
  }
  return out;
}

export async function limitEventsOf(db: Kysely<Database>, buyerId: string): Promise<LimitEvent[]> {
  const { rows } = await sql<LimitEventRow>`
    select id, buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id, recorded_on
    from limit_events where buyer_id = ${buyerId} order by id`.execute(db);
  return rows.map(toLimitEvent);
}

export async function buyerSales(
  db: Kysely<Database>,
  buyerId: string,
  from: BusinessDate,
  to: BusinessDate,
): Promise<{ currency: CurrencyCode; amount: bigint }[]> {
  const { rows } = await sql<{ currency: string; amount: unknown }>`
    select currency, sum(case when type = 'credit_note' then -amount else amount end) as amount
    from documents where buyer_id = ${buyerId} and issue_date between ${from}::date and ${to}::date
    group by currency order by currency`.execute(db);
  return rows.map((r) => ({ currency: asCurrency(r.currency), amount: toBig(r.amount) }));
}

/** Every buyer's signed sales in [from, to], per currency: one grouped read (key accounts). */
export async function salesByBuyer(
  db: Kysely<Database>,
  from: BusinessDate,
  to: BusinessDate,
): Promise<{ buyerId: string; currency: CurrencyCode; amount: bigint }[]> {
  const { rows } = await sql<{ buyer_id: string; currency: string; amount: unknown }>`
    select buyer_id, currency, sum(case when type = 'credit_note' then -amount else amount end) as amount
    from documents where issue_date between ${from}::date and ${to}::date
    group by buyer_id, currency order by buyer_id, currency`.execute(db);
  return rows.map((r) => ({ buyerId: r.buyer_id, currency: asCurrency(r.currency), amount: toBig(r.amount) }));
}

/** A buyer's documents issued in [from, to], by issue date and number (an account statement). */
export async function buyerDocuments(
  db: Kysely<Database>,
  buyerId: string,
  from: BusinessDate,
  to: BusinessDate,
): Promise<Stored<LedgerDocument>[]> {
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('buyer_id', '=', buyerId)
    .where('issue_date', '>=', from)
    .where('issue_date', '<=', to)
    .orderBy('issue_date')
    .orderBy('number')
    .execute();
  return rows.map(toDocument);
}

export async function buyerFirstInvoice(db: Kysely<Database>, buyerId: string): Promise<BusinessDate | undefined> {
  const { rows } = await sql<{ first: string | null }>`
    select min(issue_date) as first from documents where buyer_id = ${buyerId} and type = 'invoice'`.execute(db);
  const first = rows[0]?.first;
  return first === null || first === undefined ? undefined : asDate(first);
}

/** Requests of every buyer with no answer (`limit_events_answered_once` finds the answer), oldest first. */
export async function pendingLimitRequests(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<{ requests: LimitEvent[]; total: number }> {
  const { rows } = await sql<LimitEventRow & { total: unknown }>`
    with pending as (
      select r.* from limit_events r
      where r.kind = 'request' and not exists (select 1 from limit_events a where a.request_id = r.id))
    select p.id, p.buyer_id, p.kind, p.amount, p.currency, p.valid_from, p.expires_on, p.by, p.reason, p.request_id,
           p.recorded_on, t.total
    from (select count(*) as total from pending) t
    left join lateral (select * from pending order by id limit ${page.limit} offset ${page.offset}) p on true`.execute(
    db,
  );
  return {
    requests: rows.filter((r) => r.id !== null).map(toLimitEvent),
    total: Number(rows[0]?.total ?? 0),
  };
}
