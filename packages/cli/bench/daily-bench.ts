/**
 * The daily cycle at portfolio scale (a benchmark, not a test): `npm run bench:daily -- --sizes 100000,250000`.
 * For each size (invoices; buyers one per 20 unless --buyers) loads (or reuses a kept) benchmark portfolio into
 * PostgreSQL, clears what an earlier daily run left (steps, grades, alerts, letters), and times `credence daily`'s
 * use case per step, then a rerun of the date (every step skipped). docs/benchmarks.md.
 */

import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseCompany, SYSTEM_HOLDERS } from '@credence/app';
import { DAILY_STEPS, runDailyCycle } from '@credence/app/daily';
import { COMPANY_EXAMPLE, dailyContext, readRates } from '@credence/runtime';
import { sql } from 'kysely';
import { parseBenchArgs } from './args';
import { benchPortfolio } from './credit-check-setup';
import { line, seconds } from './measure';
import { backendSeconds, backendTicks, withAppName } from './pg-cpu';
import { portfolioFiles } from './portfolio-files';

const APP_NAME = 'credence-bench-daily';

const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** What an earlier daily run wrote: gone, so each measure starts from the same state. */
const DAILY_TABLES = [
  'daily_steps',
  'alerts',
  'grades',
  'dunning_letter_items',
  'dunning_letters',
  'dunning_runs',
  'deliveries',
  'outbox',
  'audit_log',
];

async function main(argv: readonly string[]): Promise<void> {
  const sizesFlag = argv.indexOf('--sizes');
  const sizes = (sizesFlag >= 0 ? (argv[sizesFlag + 1] ?? '') : (process.env.BENCH_SIZES ?? '100000,250000'))
    .split(',')
    .map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes N,N,… (invoices)');
  const rest = argv.filter((_, i) => i !== sizesFlag && i !== sizesFlag + 1);
  const company = parseCompany(JSON.parse(readFileSync(COMPANY_EXAMPLE, 'utf8')));
  if (!company.ok) throw new Error('company example invalid');
  const rates = await readRates();
  const rows: string[] = [];
  for (const invoices of sizes) {
    const args = parseBenchArgs(
      rest.filter((a) => a !== '--invoices'),
      { ...process.env, BENCH_INVOICES: String(invoices) },
    );
    if (args.databaseUrl === undefined) throw new Error('bench:daily runs on PostgreSQL: set DATABASE_URL');
    out(
      `\n== ${invoices.toLocaleString('en-US')} invoices, ${args.buyers.toLocaleString('en-US')} buyers, as of ${args.asOf}`,
    );
    out(
      `Node ${process.version}, ${cpus().length} cores; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    const files = await portfolioFiles(args, out);
    const schema = `ccbench_s${args.seed}_b${args.buyers}_i${args.invoices}`;
    const p = await benchPortfolio(withAppName(args.databaseUrl, APP_NAME), schema, files, args.asOf, out);
    try {
      await sql`truncate table ${sql.join(DAILY_TABLES.map((t) => sql.table(t)))}`.execute(p.engine.db);
      // And the holds the alerts and the dunning run set (else a second measure finds them set and sets none):
      // credit_holds is append-only, its trigger is off for this one statement.
      await p.engine.transact(async ({ db }) => {
        await sql`set local session_replication_role = replica`.execute(db);
        await sql`delete from credit_holds where by in (${sql.join(Object.values(SYSTEM_HOLDERS))})`.execute(db);
      });
      await sql`analyze`.execute(p.engine.db);
      const ctx = await dailyContext(p.store, { company: company.value, rates, by: 'bench', today: args.asOf });
      const clock = { now: () => new Date() };
      // Each step by itself (the cycle's own loop, one step a call), with the CPU time it took: this process's and
      // the PostgreSQL backends' (from /proc; a pool connection closed in between is not counted). On a loaded
      // machine the CPU times move much less than the wall-clock times.
      const steps: { step: string; ms: number; counts: unknown; nodeS: number; pgS: number | undefined }[] = [];
      const started = performance.now();
      for (const step of DAILY_STEPS) {
        const [cpu0, pg0] = [process.cpuUsage(), await backendTicks(p.engine.db as never, APP_NAME)];
        const r = await runDailyCycle(p.store, ctx, args.asOf, { clock, steps: [step] });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        const s = r.value.steps[0];
        if (!r.value.complete || s === undefined) throw new Error(`a step failed: ${JSON.stringify(r.value.steps)}`);
        const cpu = process.cpuUsage(cpu0);
        const pgS = backendSeconds(pg0, await backendTicks(p.engine.db as never, APP_NAME));
        steps.push({
          step: s.step,
          ms: s.ms,
          counts: s.figures?.counts ?? {},
          nodeS: (cpu.user + cpu.system) / 1e6,
          pgS,
        });
      }
      const total = { ms: performance.now() - started };
      const cpuOf = (x: { nodeS: number; pgS: number | undefined }) =>
        `CPU node ${x.nodeS.toFixed(2)} s, PostgreSQL ${x.pgS === undefined ? '?' : `${x.pgS.toFixed(2)} s`}`;
      for (const s of steps) out(line(`daily ${s.step}`, JSON.stringify(s.counts), seconds(s.ms), cpuOf(s)));
      const sum = (f: (x: (typeof steps)[number]) => number) => steps.reduce((t, x) => t + f(x), 0);
      const cpuTotal = { nodeS: sum((x) => x.nodeS), pgS: sum((x) => x.pgS ?? Number.NaN) };
      out(line('daily, all steps', seconds(total.ms), cpuOf(cpuTotal)));
      const again = await runDailyCycle(p.store, ctx, args.asOf, { clock });
      if (!again.ok || again.value.steps.some((s) => s.status !== 'done_before'))
        throw new Error('a rerun of the date ran a step again');
      out(line('daily rerun, same date (all skipped)', seconds(again.value.ms)));
      rows.push(
        `| ${invoices.toLocaleString('en-US')} | ${args.buyers.toLocaleString('en-US')} | ` +
          steps.map((s) => (s.ms / 1000).toFixed(1)).join(' | ') +
          ` | **${(total.ms / 1000).toFixed(1)}** | ${cpuTotal.nodeS.toFixed(1)} + ${cpuTotal.pgS.toFixed(1)} | ` +
          `${(again.value.ms / 1000).toFixed(2)} |`,
      );
    } finally {
      await p.engine.close();
    }
  }
  out(
    '\n| invoices | buyers | grades | reviews | alerts | cash | dunning | statements | total (s) | CPU node + PG (s) | rerun (s) |',
  );
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) out(r);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
