/**
 * One quick measurement (not a test): COPY N document rows through the store vs a raw COPY of the
 * same CSV into a bare table without indexes. Usage: tsx packages/db/bench/copy-documents.ts [N]
 * (PGlite in memory always; PostgreSQL too when DATABASE_URL is set, in a throwaway schema).
 */
import type { Stored } from '@credence/app';
import { addDays, date, type LedgerDocument } from '@credence/core';
import { sql } from 'kysely';
import { csvParts } from '../src/engine/csv';
import { openEngine } from '../src/index';
import { storeOn } from '../src/store';
import { EUR } from '../test/fixtures';

const n = Number(process.argv[2] ?? 200_000);
const start = date('2023-01-01');
const rows: Stored<LedgerDocument>[] = Array.from({ length: n }, (_, i) => ({
  number: `INV-${String(i).padStart(8, '0')}`,
  buyerId: `B${i % 50_000}`,
  type: 'invoice',
  issueDate: addDays(start, i % 700),
  dueDate: addDays(start, (i % 700) + 30),
  amount: BigInt(1000 + ((i * 7919) % 1_000_000)),
  currency: EUR,
  idempotencyKey: `invoice:INV-${i}`,
  contentHash: `${(i * 2654435761) % 4294967296}`.padStart(10, '0').repeat(6),
}));

async function measure(label: string, options: { databaseUrl?: string; schema?: string }) {
  const engine = await openEngine(options);
  const store = storeOn(engine);
  let t = performance.now();
  await store.transact((tx) => tx.insertDocuments(rows));
  const viaStore = performance.now() - t;
  await sql`create table bare_documents (number text, buyer_id text, type text, issue_date date, due_date date,
    delivery_date date, order_ref text, amount int8, currency text, idempotency_key text, content_hash text)`.execute(
    engine.db,
  );
  const csv = [
    ...csvParts(rows, (d: Stored<LedgerDocument>) => [
      d.number,
      d.buyerId,
      d.type,
      d.issueDate,
      d.dueDate,
      null,
      null,
      d.amount,
      d.currency,
      d.idempotencyKey,
      d.contentHash,
    ]),
  ];
  const cols = [
    'number',
    'buyer_id',
    'type',
    'issue_date',
    'due_date',
    'delivery_date',
    'order_ref',
    'amount',
    'currency',
    'idempotency_key',
    'content_hash',
  ];
  t = performance.now();
  await engine.transact(async (conn) => {
    await conn.copy('bare_documents' as never, cols, csv);
  });
  const raw = performance.now() - t;
  t = performance.now();
  await store.agingCells(date('2024-06-30'), [30, 60, 90, 180, 365], false);
  const aging = performance.now() - t;
  console.log(
    `${label}: ${n} documents via store ${viaStore.toFixed(0)} ms (${Math.round(n / (viaStore / 1000))} rows/s), ` +
      `raw COPY into bare table ${raw.toFixed(0)} ms, ratio ${(viaStore / raw).toFixed(2)}; aging ${aging.toFixed(0)} ms`,
  );
  if (options.schema) await sql`drop schema ${sql.id(options.schema)} cascade`.execute(engine.db);
  await engine.close();
}

await measure('pglite', {});
if (process.env.DATABASE_URL)
  await measure('postgres', { databaseUrl: process.env.DATABASE_URL, schema: 'bench_copy' });
