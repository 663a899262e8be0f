/**
 * Profiling aid (not a test): times each store read behind the aging and KPI reports on a database kept by
 * `npm run bench -- --keep`: `npx tsx packages/cli/bench/time-reads.ts (DIR | postgres SCHEMA) [AS_OF]`.
 */

import { addMonths, date } from '@credence/core';
import { openEngine, storeOn } from '@credence/db';
import { seconds, timed } from './measure';

async function main(): Promise<void> {
  const [where = '', second, third] = process.argv.slice(2);
  const pg = where === 'postgres';
  const asOf = date((pg ? third : second) ?? '2025-06-30');
  const engine = await openEngine(
    pg ? { databaseUrl: process.env.DATABASE_URL ?? '', schema: second ?? '' } : { dir: where },
  );
  const store = storeOn(engine);
  const from = addMonths(date(asOf), -3);
  const reads: [string, () => Promise<unknown>][] = [
    ['agingCells', () => store.agingCells(asOf, [30, 60, 90, 180, 365], false)],
    ['agingCells by buyer', () => store.agingCells(asOf, [30, 60, 90, 180, 365], true)],
    ['unappliedCash', () => store.unappliedCash(asOf)],
    ['agingPositions', () => store.agingPositions(asOf, [30, 60, 90, 180, 365], false)],
    ['kpiInputs', () => store.kpiInputs(from, asOf)],
    ['behaviourSums', () => store.behaviourSums(from, asOf)],
    ['topOverdue', () => store.topOverdue(asOf, 10)],
  ];
  try {
    for (const [name, read] of reads) {
      const t = await timed(read);
      process.stdout.write(`${name.padEnd(22)} ${seconds(t.ms)}\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
