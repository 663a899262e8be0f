/**
 * Profiling aid (not a test): imports buyers, invoices and payments of a generated bench data set into a
 * fresh store and prints the time of each import. Run under `node --cpu-prof --import tsx` to see where
 * time goes: `npx tsx packages/cli/bench/profile-import.ts DIR [pglite|postgres] [FILES]`, FILES a comma-separated
 * subset of buyers,fx-rates,invoices,payments (in that order; default all).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { importBuyers, importDocuments, importFxRates, importPayments } from '@credence/app';
import { openEngine, storeOn } from '@credence/db';
import { openRows } from '@credence/files';
import { sql } from 'kysely';
import { seconds, timed } from './measure';

async function main(): Promise<void> {
  const [dir = '', kind = 'pglite', only = 'buyers,fx-rates,invoices,payments'] = process.argv.slice(2);
  const schema = `prof_${process.pid}`;
  const db = join(dir, `pglite-prof-${process.pid}`);
  const engine = await openEngine(
    kind === 'postgres' ? { databaseUrl: process.env.DATABASE_URL ?? '', schema } : { dir: db },
  );
  const store = storeOn(engine);
  try {
    for (const [file, run] of [
      ['buyers.csv', importBuyers],
      ['fx-rates.csv', importFxRates],
      ['invoices.csv', importDocuments],
      ['payments.csv', importPayments],
    ] as const) {
      if (!only.split(',').includes(file.replace('.csv', ''))) continue;
      const t = await timed(async () => run(store, await openRows(join(dir, file))));
      if (!t.value.ok) throw new Error(JSON.stringify(t.value.error.errors.slice(0, 3)));
      process.stdout.write(`${file} ${t.value.value.rows} rows ${seconds(t.ms)} ${JSON.stringify(t.value.value)}\n`);
    }
  } finally {
    if (kind === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
    await store.close();
    if (kind !== 'postgres') rmSync(db, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
