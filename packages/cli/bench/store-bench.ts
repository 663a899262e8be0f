import { existsSync, rmSync } from 'node:fs';
import {
  type ImportFailure,
  type ImportSummary,
  importBuyers,
  importDocuments,
  importFxRates,
  importPayments,
  type KpiResult,
  type RowSource,
  reportAging,
  reportKpis,
  type Store,
} from '@credence/app';
import type { BehaviourSums, BucketCell, BusinessDate, KpiInputs, Result } from '@credence/core';
import { type Engine, openEngine, storeOn } from '@credence/db';
import type { PortfolioFiles } from '@credence/demo';
import { openRows } from '@credence/files';
import { sql } from 'kysely';
import type { BenchArgs } from './args';
import { benchDunning, type DunningResult } from './dunning-bench';
import { line, millis, peakRssMb, perSecond, repeated, resetPeakRss, seconds, timed } from './measure';
import { rawCopy } from './raw-copy';

/**
 * The reports as of one date: aging and KPIs (first run, best run), and for DuckDB the aging cells, the KPIs
 * the report returned and the store's inputs of them (over the report's default period).
 */
export interface AsOfResult {
  readonly asOf: BusinessDate;
  readonly aging: { readonly first: number; readonly best: number };
  readonly kpis: { readonly first: number; readonly best: number };
  readonly cells: readonly BucketCell[];
  readonly kpiReport: KpiResult;
  readonly kpiInputs: readonly KpiInputs[];
  readonly behaviourSums: readonly BehaviourSums[];
}

export interface StoreResult {
  readonly kind: 'pglite' | 'postgres';
  readonly imports: { readonly kind: string; readonly rows: number; readonly ms: number; readonly peakRssMb: number }[];
  /** Raw COPY of the invoice and payment files into bare tables: the floors for their imports. */
  readonly rawCopyMs: number;
  readonly rawPaymentsCopyMs: number;
  readonly reports: readonly AsOfResult[];
  /** Not measured with `--reuse` (the kept database has had its run). */
  readonly dunning?: DunningResult;
}

type Importer = (store: Store, source: RowSource) => Promise<Result<ImportSummary, ImportFailure>>;

async function runImport(store: Store, kind: string, path: string, importer: Importer, out: (s: string) => void) {
  resetPeakRss();
  const t = await timed(async () => importer(store, await openRows(path)));
  const peak = peakRssMb();
  if (!t.value.ok) {
    const e = t.value.error;
    throw new Error(`${kind} import rejected (${e.errorCount} errors), first: ${JSON.stringify(e.errors.slice(0, 3))}`);
  }
  const rows = t.value.value.rows;
  out(
    line(
      `import ${kind}`,
      `${rows.toLocaleString('en-US')} rows`,
      seconds(t.ms),
      perSecond(rows, t.ms),
      `peak RSS ${peak} MB`,
    ),
  );
  return { kind, rows, ms: t.ms, peakRssMb: peak };
}

async function reportsAsOf(store: Store, asOf: BusinessDate, runs: number, out: (s: string) => void) {
  const aging = await repeated(runs, async () => {
    const r = await reportAging(store, { asOf });
    if (!r.ok) throw new Error(`aging failed: ${r.error.code}`);
    return r.value;
  });
  out(line(`aging as of ${asOf}`, `first ${millis(aging.first)}`, `best of ${runs} ${millis(aging.best)}`));
  const kpis = await repeated(runs, async () => {
    const r = await reportKpis(store, { asOf });
    if (!r.ok) throw new Error(`kpis failed: ${r.error.code}`);
    return r.value;
  });
  out(line(`KPIs as of ${asOf}`, `first ${millis(kpis.first)}`, `best of ${runs} ${millis(kpis.best)}`));
  const cells = await store.agingCells(asOf, [30, 60, 90, 180, 365], false);
  const from = kpis.value.from;
  return {
    asOf,
    aging: { first: aging.first, best: aging.best },
    kpis: { first: kpis.first, best: kpis.best },
    cells,
    kpiReport: kpis.value,
    kpiInputs: await store.kpiInputs(from, asOf),
    behaviourSums: await store.behaviourSums(from, asOf),
  };
}

async function measure(
  store: Store,
  engine: Engine,
  files: PortfolioFiles,
  args: BenchArgs,
  out: (s: string) => void,
): Promise<Omit<StoreResult, 'kind'>> {
  if (args.reuse !== undefined) {
    // A database kept by an earlier `--keep` run: the reports only.
    const reports = [
      await reportsAsOf(store, args.asOf, args.runs, out),
      await reportsAsOf(store, args.yearBack, args.runs, out),
    ];
    return { imports: [], rawCopyMs: 0, rawPaymentsCopyMs: 0, reports };
  }
  const rawCopyMs = await rawCopy(engine, files.invoices, 'invoices');
  out(line('raw COPY of invoices.csv', seconds(rawCopyMs), perSecond(files.counts.documents, rawCopyMs)));
  const rawPaymentsCopyMs = await rawCopy(engine, files.payments, 'payments');
  out(
    line('raw COPY of payments.csv', seconds(rawPaymentsCopyMs), perSecond(files.counts.payments, rawPaymentsCopyMs)),
  );
  const imports = [
    await runImport(store, 'buyers', files.buyers, importBuyers, out),
    await runImport(store, 'fx-rates', files.fxRates, importFxRates, out),
    await runImport(store, 'invoices', files.invoices, importDocuments, out),
    await runImport(store, 'payments', files.payments, importPayments, out),
  ];
  const [, , invoices, payments] = imports;
  if (invoices) out(line('  invoices import / raw COPY', `${(invoices.ms / rawCopyMs).toFixed(1)}×`));
  if (payments) out(line('  payments import / raw COPY', `${(payments.ms / rawPaymentsCopyMs).toFixed(1)}×`));
  const reports = [
    await reportsAsOf(store, args.asOf, args.runs, out),
    await reportsAsOf(store, args.yearBack, args.runs, out),
  ];
  const dunning = await benchDunning(store, args.asOf, out);
  return { dunning, imports, rawCopyMs, rawPaymentsCopyMs, reports };
}

/** Imports the four files through the real import use cases, then times aging and KPIs as of a date. */
export async function benchStore(
  kind: 'pglite' | 'postgres',
  files: PortfolioFiles,
  args: BenchArgs,
  out: (s: string) => void,
): Promise<StoreResult & { readonly engine: Engine; readonly cleanup: () => Promise<void> }> {
  const run = args.reuse ?? String(process.pid);
  const schema = `bench_${run}`;
  const dir = `${args.dir}/pglite-${run}`;
  if (args.reuse !== undefined && kind === 'pglite' && !existsSync(dir)) throw new Error(`--reuse: no ${dir}`);
  const engine = await openEngine(kind === 'postgres' ? { databaseUrl: args.databaseUrl ?? '', schema } : { dir });
  const store = storeOn(engine);
  const cleanup = async () => {
    const keep = args.keep || args.reuse !== undefined;
    if (kind === 'postgres' && !keep) await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
    await store.close();
    if (kind === 'pglite' && !keep) rmSync(dir, { recursive: true, force: true });
  };
  out(`\n${kind === 'pglite' ? `PGlite (${dir})` : `PostgreSQL (schema ${schema})`}`);
  try {
    return { kind, ...(await measure(store, engine, files, args, out)), engine, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
