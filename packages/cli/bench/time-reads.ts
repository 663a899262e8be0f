/**
 * Profiling aid (not a test): times each store read behind the aging and KPI reports on a database kept by
 * `npm run bench -- --keep`: `npx tsx packages/cli/bench/time-reads.ts (DIR | postgres SCHEMA) [AS_OF]`.
 * `RUNS=N` (default 1) prints the first, best and median of N runs; `OUT=FILE` writes every read's result as JSON
 * (amounts as strings), to compare two versions of the code or two databases with `diff`.
 */

import { writeFileSync } from 'node:fs';
import { addMonths, date } from '@credence/core';
import { openEngine, storeOn } from '@credence/db';
import { millis, timed } from './measure';

const BOUNDS = [30, 60, 90, 180, 365];

async function main(): Promise<void> {
  const [where = '', second, third] = process.argv.slice(2);
  const pg = where === 'postgres';
  const asOf = date((pg ? third : second) ?? '2025-06-30');
  const runs = Math.max(1, Number(process.env.RUNS ?? 1));
  const engine = await openEngine(
    pg ? { databaseUrl: process.env.DATABASE_URL ?? '', schema: second ?? '' } : { dir: where },
  );
  const store = storeOn(engine);
  const yearBack = addMonths(asOf, -12);
  const reads: [string, () => Promise<unknown>][] = [];
  for (const d of [asOf, yearBack]) {
    const from = addMonths(d, -3);
    reads.push(
      [`agingCells ${d}`, () => store.agingCells(d, BOUNDS, false)],
      [`agingCells by buyer ${d}`, () => store.agingCells(d, BOUNDS, true)],
      [`unappliedCash ${d}`, () => store.unappliedCash(d)],
      [`agingPositions ${d}`, () => store.agingPositions(d, BOUNDS, false)],
      [`kpiInputs ${d}`, () => store.kpiInputs(from, d)],
      [`behaviourSums ${d}`, () => store.behaviourSums(from, d)],
      [`topOverdue ${d}`, () => store.topOverdue(d, 10)],
      [`dunnableItems ${d}`, () => store.dunnableItems(d, addMonths(d, 1))],
    );
  }
  const results: Record<string, unknown> = {};
  try {
    for (const [name, read] of reads) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = await timed(read);
        times.push(t.ms);
        results[name] = t.value;
      }
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
      process.stdout.write(
        `${name.padEnd(34)} first ${millis(times[0] ?? 0).padStart(7)}  best ${millis(sorted[0] ?? 0).padStart(7)}  median ${millis(median).padStart(7)}\n`,
      );
    }
    if (process.env.OUT)
      writeFileSync(
        process.env.OUT,
        JSON.stringify(results, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 1),
      );
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
