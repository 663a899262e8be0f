import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Engine } from '@credence/db';
import { sql } from 'kysely';
import { timed } from './measure';

/** The file in blocks of whole lines (about 8 MB each). */
function* lineBlocks(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(8 << 20);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const text = carry + decoder.write(buffer.subarray(0, n));
      const cut = text.lastIndexOf('\n') + 1;
      carry = text.slice(cut);
      if (cut > 0) yield text.slice(0, cut);
    }
    const rest = carry + decoder.end();
    if (rest !== '') yield rest.endsWith('\n') ? rest : `${rest}\n`;
  } finally {
    closeSync(fd);
  }
}

const RAW_TABLES = {
  invoices: `document_number text, buyer_id text, issue_date date, due_date date, amount numeric, currency text,
             type text, delivery_date date, order_ref text, applies_to text`,
  payments: 'payment_id text, buyer_id text, payment_date date, amount numeric, currency text, document_number text',
} as const;

/** COPY of a file's rows into a bare table (typed columns, no keys, no checks): the floor for its import. */
export async function rawCopy(engine: Engine, path: string, kind: keyof typeof RAW_TABLES): Promise<number> {
  const table = `bench_raw_${kind}`;
  await sql`drop table if exists ${sql.table(table)}`.execute(engine.db);
  await sql`create table ${sql.table(table)} (${sql.raw(RAW_TABLES[kind])})`.execute(engine.db);
  const t = await timed(() =>
    engine.transact(async (conn) => {
      let header: string[] | undefined;
      for (const block of lineBlocks(path)) {
        let text = block;
        if (header === undefined) {
          const nl = text.indexOf('\n');
          header = text.slice(0, nl).split(',');
          text = text.slice(nl + 1);
        }
        if (text !== '') await conn.copy(table as never, header, text);
      }
    }),
  );
  await sql`drop table ${sql.table(table)}`.execute(engine.db);
  return t.ms;
}
