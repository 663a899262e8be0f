import type { HoldEvent, Order } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, chunks, toBig } from '../convert';
import type { Database, OrdersTable } from '../schema';

export const toOrder = (r: OrdersTable): Order => ({
  id: r.id,
  buyerId: r.buyer_id,
  date: asDate(r.date),
  amount: toBig(r.amount),
  currency: asCurrency(r.currency),
  status: r.status,
});

/** Inserts orders; one already stored with the same id is replaced. */
export async function upsertOrders(db: Kysely<Database>, rows: readonly Order[]): Promise<void> {
  for (const part of chunks(rows, 1000)) {
    await db
      .insertInto('orders')
      .values(
        part.map((o) => ({
          id: o.id,
          buyer_id: o.buyerId,
          date: o.date,
          amount: o.amount,
          currency: o.currency,
          status: o.status,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          buyer_id: sql`excluded.buyer_id`,
          date: sql`excluded.date`,
          amount: sql`excluded.amount`,
          currency: sql`excluded.currency`,
          status: sql`excluded.status`,
        }),
      )
      .execute();
  }
}

export async function findOrders(db: Kysely<Database>, ids: readonly string[]): Promise<Order[]> {
  const out: Order[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('orders').selectAll().where(sql<boolean>`id = any(${part}::text[])`).execute();
    out.push(...rows.map(toOrder));
  }
  return out;
}

export async function ordersOf(db: Kysely<Database>, buyerId: string): Promise<Order[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('buyer_id', '=', buyerId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map(toOrder);
}

export interface HoldRow {
  id: unknown;
  buyer_id: string;
  action: 'hold' | 'release';
  reason: string;
  by: string;
  recorded_on: string;
}

export const toHold = (r: HoldRow): HoldEvent => ({
  id: Number(r.id),
  buyerId: r.buyer_id,
  action: r.action,
  reason: r.reason,
  by: r.by,
  recordedOn: asDate(r.recorded_on),
});

export async function appendHold(db: Kysely<Database>, e: Omit<HoldEvent, 'id'>): Promise<HoldEvent> {
  const { rows } = await sql<HoldRow>`
    insert into credit_holds (buyer_id, action, reason, by, recorded_on)
    values (${e.buyerId}, ${e.action}, ${e.reason}, ${e.by}, ${e.recordedOn}::date)
    returning id, buyer_id, action, reason, by, recorded_on`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toHold(row);
}

export async function holdsOf(db: Kysely<Database>, buyerId: string): Promise<HoldEvent[]> {
  const { rows } = await sql<HoldRow>`
    select id, buyer_id, action, reason, by, recorded_on from credit_holds where buyer_id = ${buyerId} order by id`.execute(
    db,
  );
  return rows.map(toHold);
}
