import type { RecordedEvent } from '@credence/app';
import type { CollectionEvent } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate } from '../convert';
import type { Database } from '../schema';

/** Amounts in a payload are bigint in memory, decimal-digit strings in JSON. */
const BIG_KEYS = new Set(['amount', 'accepted']);
const encode = (payload: object): string =>
  JSON.stringify(payload, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
const decode = (json: unknown): Record<string, unknown> => {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return JSON.parse(text, (k, v) => (BIG_KEYS.has(k) && typeof v === 'string' ? BigInt(v) : v));
};

export async function appendCollectionEvents(db: Kysely<Database>, events: readonly CollectionEvent[]): Promise<void> {
  for (const e of events) {
    const { kind, buyerId, date, by, ...payload } = e;
    const ref = 'id' in e ? e.id : null;
    await sql`insert into collection_events (buyer_id, date, kind, ref_id, by, payload)
              values (${buyerId}, ${date}::date, ${kind}, ${ref}, ${by}, ${encode(payload)}::jsonb)`.execute(db);
  }
}

interface Row {
  seq: unknown;
  buyer_id: string;
  date: string;
  kind: CollectionEvent['kind'];
  by: string;
  payload: unknown;
}

export async function collectionEvents(db: Kysely<Database>, buyerId?: string): Promise<RecordedEvent[]> {
  const { rows } = await sql<Row>`
    select seq, buyer_id, date, kind, by, payload from collection_events
    where ${buyerId === undefined ? sql`true` : sql`buyer_id = ${buyerId}`}
    order by seq`.execute(db);
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: {
      ...decode(r.payload),
      kind: r.kind,
      buyerId: r.buyer_id,
      date: asDate(r.date),
      by: r.by,
    } as CollectionEvent,
  }));
}
