/**
 * Where an import's time goes (not a test): `npx tsx packages/cli/bench/import-phases.ts DIR [pglite|postgres]`
 * on a generated bench data set (DIR holds buyers.csv, invoices.csv, payments.csv; DATABASE_URL for postgres).
 * For the invoice and the payment file: a raw COPY of the file into a bare table (the floor), then the import
 * through the use case with its phases timed from outside: the time spent inside the CLI's CSV reader, each
 * COPY (by table) and each other SQL statement, the commit and the ANALYZE after it; what is left is the
 * use case's own JavaScript (field parsing and checks, content hashes, allocation, building the COPY text).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  documentHash,
  importBuyers,
  importDocuments,
  importPayments,
  parseDocument,
  parsePayment,
  paymentHash,
  type RowSource,
  readSource,
  type SourceRow,
} from '@credence/app';
import { type Conn, type Engine, openEngine, storeOn } from '@credence/db';
import { openRows } from '@credence/files';
import { type KyselyPlugin, type QueryId, sql } from 'kysely';
import { rawCopy } from './raw-copy';

class Phases {
  readonly ms = new Map<string, number>();
  mark = 0;
  add(phase: string, ms: number): void {
    this.ms.set(phase, (this.ms.get(phase) ?? 0) + ms);
  }
  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - t);
    }
  }
}

/** Times every statement run through Kysely: from compiling the query to its result. */
function timingPlugin(phases: Phases): KyselyPlugin {
  const started = new WeakMap<QueryId, { t: number; what: string }>();
  return {
    transformQuery(args) {
      const node = args.node as { kind: string; sqlFragments?: readonly string[] };
      const text = (node.sqlFragments ?? [node.kind]).join('?').trim().replace(/\s+/g, ' ');
      started.set(args.queryId, { t: performance.now(), what: `sql: ${text.slice(0, 60)}` });
      return args.node;
    },
    async transformResult(args) {
      const s = started.get(args.queryId);
      if (s !== undefined) phases.add(s.what, performance.now() - s.t);
      return args.result;
    },
  };
}

function timedEngine(engine: Engine, phases: Phases): Engine {
  return {
    ...engine,
    async transact(work) {
      const r = await engine.transact(async (conn) => {
        const timedConn: Conn = {
          db: conn.db.withPlugin(timingPlugin(phases)),
          copy: (table, columns, csv) => phases.time(`COPY ${table}`, () => conn.copy(table, columns, csv)),
        };
        const r = await work(timedConn);
        phases.mark = performance.now();
        return r;
      });
      phases.add('COMMIT', performance.now() - phases.mark);
      phases.mark = performance.now();
      return r;
    },
  };
}

/** The source's rows, with the time spent inside its iterator (reading, decoding, CSV parsing) added up. */
function timedRows(source: RowSource, phases: Phases): RowSource {
  const inner = source.rows as AsyncIterable<SourceRow>;
  return {
    ...source,
    rows: {
      [Symbol.asyncIterator]() {
        const it = inner[Symbol.asyncIterator]();
        return {
          async next() {
            const t = performance.now();
            const r = await it.next();
            phases.add('read CSV (CLI reader)', performance.now() - t);
            return r;
          },
        };
      },
    },
  };
}

/** Wall-clock and CPU time (user + system, this process) of `work`, as text, and its value. */
async function cpuTimed<T>(work: () => Promise<T>): Promise<{ value: T; toString(): string }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await work();
  const cpu = process.cpuUsage(c);
  const text = `${((performance.now() - t) / 1000).toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`;
  return { value, toString: () => text };
}

async function main(): Promise<void> {
  const [dir = '', kind = 'pglite'] = process.argv.slice(2);
  const schema = `phases_${process.pid}`;
  const db = join(dir, `pglite-phases-${process.pid}`);
  const engine = await openEngine(
    kind === 'postgres' ? { databaseUrl: process.env.DATABASE_URL ?? '', schema } : { dir: db },
  );
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    const buyers = await importBuyers(storeOn(engine), await openRows(join(dir, 'buyers.csv')));
    if (!buyers.ok) throw new Error('buyers rejected');
    for (const [file, raw, run] of [
      ['invoices.csv', 'invoices', importDocuments],
      ['payments.csv', 'payments', importPayments],
    ] as const) {
      const path = join(dir, file);
      const rawMs = await rawCopy(engine, path, raw);
      out(`\n${file}: raw COPY ${(rawMs / 1000).toFixed(2)} s; each phase alone (this process's CPU):`);
      const csv = await cpuTimed(async () => {
        let n = 0;
        for await (const _ of (await openRows(path)).rows) n += 1;
        return n;
      });
      out(`  read the CSV (CLI reader)          ${csv}`);
      const parsed = await cpuTimed(async () =>
        raw === 'invoices'
          ? (await readSource('invoices', await openRows(path), undefined, {}, parseDocument)).items
          : (await readSource('payments', await openRows(path), undefined, {}, parsePayment)).items,
      );
      out(`  read + map and check into rows     ${parsed}`);
      const hashed = await cpuTimed(async () => {
        for (const { value } of parsed.value) 'number' in value ? documentHash(value) : paymentHash(value);
        return parsed.value.length;
      });
      out(`  content hashes                     ${hashed}`);
      const phases = new Phases();
      const store = storeOn(timedEngine(engine, phases));
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const source = timedRows(await openRows(path), phases);
      const r = await run(
        {
          ...store,
          transact: (w) => store.transact(w).finally(() => phases.add('ANALYZE', performance.now() - phases.mark)),
        },
        source,
      );
      const total = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (!r.ok) throw new Error(JSON.stringify(r.error.errors.slice(0, 3)));
      out(
        `the import on ${kind}: ${r.value.rows} rows, ${(total / 1000).toFixed(2)} s = ` +
          `${(total / rawMs).toFixed(1)}× the raw COPY; this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s. ` +
          'Inside it (the reader and the statements overlap on PostgreSQL):',
      );
      let accounted = 0;
      for (const [phase, ms] of [...phases.ms].sort((a, b) => b[1] - a[1])) {
        accounted += ms;
        out(`  ${phase.padEnd(72)} ${(ms / 1000).toFixed(3)} s`);
      }
      out(`  ${'JavaScript of the use case (the rest)'.padEnd(72)} ${((total - accounted) / 1000).toFixed(3)} s`);
    }
  } finally {
    if (kind === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
    await engine.close();
    if (kind !== 'postgres') rmSync(db, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
