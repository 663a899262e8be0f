/**
 * The benchmark (not a test): `npm run bench` generates 1 M invoices + payments for 50 k buyers as CSV,
 * imports them through the real import use cases into PGlite (and PostgreSQL when DATABASE_URL is set),
 * times aging and KPIs as of a date, and compares with a raw COPY and with DuckDB on the same rows.
 * Try it small first: `npm run bench -- --invoices 20000`.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { type BucketCell, computeKpis, paymentBehaviour } from '@credence/core';
import { parseBenchArgs } from './args';
import { benchDuckdb, type DuckCell, exportAllocations } from './duckdb-bench';
import type { DuckKpis } from './duckdb-kpis';
import { heapMb, line } from './measure';
import { portfolioFiles } from './portfolio-files';
import { type AsOfResult, benchStore, type StoreResult } from './store-bench';

const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

function sameAging(store: readonly BucketCell[], duck: readonly DuckCell[]): boolean {
  const key = (c: { currency: string; bucket: number }) => `${c.currency}/${c.bucket}`;
  const a = new Map(store.map((c) => [key(c), `${c.amount}/${c.count}`]));
  const b = new Map(duck.map((c) => [key(c), `${c.amount}/${c.count}`]));
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** Undefined when the store's KPI inputs, behaviour sums and report equal DuckDB's; else what differs. */
function sameKpis(mine: AsOfResult, duck: DuckKpis): string | undefined {
  const text = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  const byKey = <T extends { buyerId: string; currency: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => (a.buyerId + a.currency < b.buyerId + b.currency ? -1 : 1));
  if (text(mine.kpiInputs) !== text(duck.inputs)) return 'NO — KPI inputs differ';
  if (text(byKey(mine.behaviourSums)) !== text(byKey(duck.behaviour))) return 'NO — behaviour sums differ';
  // The figures of the report (ratios included) are core's functions of those inputs.
  if (text(mine.kpiReport.perCurrency) !== text(duck.inputs.map(computeKpis))) return 'NO — KPIs differ';
  const behaviour = byKey(mine.kpiReport.behaviour);
  if (text(behaviour) !== text(byKey(duck.behaviour).map(paymentBehaviour))) return 'NO — payment behaviour differs';
  return undefined;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), process.env);
  out(
    `Credence benchmark: ${args.invoices.toLocaleString('en-US')} invoices, ${args.buyers.toLocaleString('en-US')} buyers, ` +
      `as of ${args.asOf}; Node ${process.version}, ${cpus().length} cores`,
  );
  const files = await portfolioFiles(args, out);
  const results: StoreResult[] = [];
  let duck: Awaited<ReturnType<typeof benchDuckdb>> = [];
  for (const kind of args.stores) {
    const r = await benchStore(kind, files, args, out);
    try {
      if (args.duckdb && results.length === 0) {
        const allocations = join(resolve(files.invoices, '..'), 'allocations.csv');
        const n = await exportAllocations(r.engine, allocations);
        out(line('export allocations for DuckDB', `${n.toLocaleString('en-US')} rows`));
        const currencies = [...new Set(r.reports.flatMap((x) => x.cells.map((c) => c.currency)))];
        const dates = r.reports.map((x) => x.asOf);
        duck = await benchDuckdb(files.invoices, allocations, currencies, dates, args.runs, out);
      }
      // Every store against the same DuckDB figures: equal cells, and the time ratio.
      for (const d of duck) {
        const mine = r.reports.find((x) => x.asOf === d.asOf);
        if (mine === undefined) continue;
        const same = sameAging(mine.cells, d.cells);
        out(line(`${kind} = DuckDB ${d.asOf}`, same ? 'yes, to the minor unit' : 'NO — differs'));
        out(line(`  ${kind} ÷ DuckDB ${d.asOf}`, `${(mine.aging.best / d.best).toFixed(1)}× (best of each)`));
        const kpis = sameKpis(mine, d.kpis);
        out(line(`KPIs = DuckDB ${d.asOf}`, kpis ?? 'yes, inputs to the minor unit and every figure'));
        out(line(`  KPIs ÷ DuckDB ${d.asOf}`, `${(mine.kpis.best / d.kpisBest).toFixed(1)}× (best of each)`));
      }
    } finally {
      await r.cleanup();
    }
    const { engine: _e, cleanup: _c, ...result } = r;
    results.push(result);
    out(line('memory now (RSS)', `${heapMb()} MB`));
  }
  const report = join(resolve(args.dir), 'last-results.json');
  writeFileSync(
    report,
    JSON.stringify(
      { args: { ...args, databaseUrl: undefined }, results },
      (_k, v) => (typeof v === 'bigint' ? String(v) : v),
      2,
    ),
  );
  out(`\nResults written to ${report}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
