import type { DocumentMismatch, DocumentRef } from '@credence/app';
import { sql } from 'kysely';
import { asCurrency } from '../convert';
import { csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';

/**
 * Set-based checks for imports: the file's keys are staged with COPY in a temporary table of the
 * transaction (`import_keys`, dropped at commit) and joined to the ledger, so a million keys cost one
 * COPY and one join instead of a lookup per key, and only what is stored (or wrong) comes back.
 */
export async function stage(conn: Conn, rows: readonly (readonly [string, string?, string?])[]): Promise<void> {
  await sql`create temp table if not exists import_keys (k text collate "C", a text collate "C", b text)
            on commit drop`.execute(conn.db);
  await sql`truncate import_keys`.execute(conn.db);
  await conn.copy(
    'import_keys',
    ['k', 'a', 'b'],
    csvParts(rows, (r) => [r[0], r[1], r[2]]),
  );
  await sql`analyze import_keys`.execute(conn.db);
}

const distinct = (keys: readonly string[]): [string][] => [...new Set(keys)].map((k) => [k]);

/** Content hashes of the stored documents (by number) or payments (by id) among `keys`. */
export async function storedHashes(
  conn: Conn,
  kind: 'document' | 'payment',
  keys: readonly string[],
): Promise<{ key: string; contentHash: string }[]> {
  if (keys.length === 0) return [];
  // A first load into an empty table has nothing to compare: skip staging a million keys.
  if (!(await hasEntries(conn, kind))) return [];
  await stage(conn, distinct(keys));
  const { rows } = await (kind === 'document'
    ? sql<{ key: string; hash: string }>`
        select d.number as key, d.content_hash as hash from import_keys k join documents d on d.number = k.k`
    : sql<{ key: string; hash: string }>`
        select p.id as key, p.content_hash as hash from import_keys k join payments p on p.id = k.k`
  ).execute(conn.db);
  return rows.map((r) => ({ key: r.key, contentHash: r.hash }));
}

/** Up to this many keys are looked up with one array parameter instead of staging them. */
const FEW = 1_000;

/** Whether any document (or payment) is stored. */
export async function hasEntries(conn: Conn, kind: 'document' | 'payment'): Promise<boolean> {
  const { rows } = await (kind === 'document'
    ? sql<{ n: number }>`select 1 as n from documents limit 1`
    : sql<{ n: number }>`select 1 as n from payments limit 1`
  ).execute(conn.db);
  return rows.length > 0;
}

/** The ids among `ids` that name no stored buyer. */
export async function unknownBuyers(conn: Conn, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  if (unique.length <= FEW) {
    // A few ids (the buyers a streamed part meets for the first time): one query, no staging.
    const { rows } = await sql<{ id: string }>`select id from buyers where id = any(${unique}::text[])`.execute(
      conn.db,
    );
    const known = new Set(rows.map((r) => r.id));
    return unique.filter((id) => !known.has(id));
  }
  await stage(conn, distinct(ids));
  const { rows } = await sql<{ k: string }>`
    select k.k from import_keys k where not exists (select 1 from buyers b where b.id = k.k)`.execute(conn.db);
  return rows.map((r) => r.k);
}

/** The references whose document is not stored, or is stored with another buyer or currency. */
export async function documentMismatches(conn: Conn, refs: readonly DocumentRef[]): Promise<DocumentMismatch[]> {
  if (refs.length === 0) return [];
  const seen = new Map<string, readonly [string, string, string]>();
  for (const r of refs) seen.set(`${r.number}\u0000${r.buyerId}\u0000${r.currency}`, [r.number, r.buyerId, r.currency]);
  await stage(conn, [...seen.values()]);
  const { rows } = await sql<{ k: string; a: string; b: string; buyer_id: string | null; currency: string | null }>`
    select k.k, k.a, k.b, d.buyer_id, d.currency
    from import_keys k left join documents d on d.number = k.k
    where d.number is null or d.buyer_id <> k.a or d.currency <> k.b`.execute(conn.db);
  return rows.map((r) => ({
    ref: { number: r.k, buyerId: r.a, currency: asCurrency(r.b) },
    stored:
      r.buyer_id === null || r.currency === null
        ? undefined
        : { number: r.k, buyerId: r.buyer_id, currency: asCurrency(r.currency) },
  }));
}
