import { hostname } from 'node:os';
import type { DailyCycleSummary, DailyProgress } from '@credence/app/daily';
import { type BusinessDate, renderTable } from '@credence/core';
import { courierFromEnv, dailyContext, outboxDir, readCompany, readRates } from '@credence/runtime';
import type { Command } from 'commander';
import { type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asCurrency, asDate, asFormat, asName } from '../options';
import { emit } from './register-report';

// The daily cycle brings the alert rules (a Zod schema): loaded by this command only, the CLI starts without zod.
const dailyApp = () => import('@credence/app/daily');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pairs = (m: Readonly<Record<string, number>>) =>
  Object.entries(m)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || '-';

/** The summary as text: a row per step (what it did, its counts, its time), then alerts and letters. */
export function dailyText(s: DailyCycleSummary): string {
  const status = { ran: 'ran', done_before: 'done earlier', failed: 'FAILED', not_run: 'not run' } as const;
  const table = renderTable(
    [{ header: 'Step' }, { header: 'Status' }, { header: 'Counts' }, { header: 'Time', align: 'right' }],
    s.steps.map((r) => [
      r.step,
      status[r.status],
      r.error !== undefined ? r.error : pairs(r.figures?.counts ?? {}),
      r.status === 'not_run' ? '' : seconds(r.ms),
    ]),
  );
  return [
    `Daily cycle as of ${s.asOf}: ${s.complete ? 'complete' : 'stopped at a failed step (run it again to resume there)'} in ${seconds(s.ms)}`,
    table,
    `New alerts by severity: ${pairs(s.alertsBySeverity)}`,
    `Letters by level: ${pairs(s.lettersByLevel)}`,
  ].join('\n');
}

function progressLine(p: DailyProgress): string {
  if (p.phase === 'start') return `daily: ${p.step} …`;
  if (p.phase === 'skip') return `daily: ${p.step} done earlier, skipped`;
  return `daily: ${p.step} ${p.phase} (${seconds(p.ms)})`;
}

/** `credence daily`: the day's steps in order, each once per date (docs/cli.md, docs/domain/monitoring.md). */
export function registerDailyCommand(program: Command, io: Io, state: { exitCode: number }): void {
  program
    .command('daily')
    .description(
      'the daily cycle: re-grade, reviews due, alerts, cash matching, dunning — each once per date (a rerun resumes)',
    )
    .option('--as-of <date>', 'the date (default: today)', asDate)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--company <file>', 'company settings (default ./company.json or $CREDENCE_COMPANY)')
    .option('--rates <file>', 'reference-rate tables JSON (default: the shipped ones)')
    .option('--rules <file>', 'alert rules (default: the shipped config/alert-rules.json)')
    .option('--currency <code>', 'base currency of concentration (default: the one most buyers have)', asCurrency)
    .option('--by <name>', 'who runs it (recorded with the matched bank lines)', asName, 'credence')
    .option('--outbox <dir>', "the monthly statements' .eml files when SMTP is not configured")
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const asOf: BusinessDate = o.asOf ?? io.clock.today();
      const [company, rates, { runDailyCycle }] = await Promise.all([
        readCompany(o.company, io.env),
        readRates(o.rates),
        dailyApp(),
      ]);
      const courier = courierFromEnv(io.env, outboxDir(o.outbox, io.env));
      const r = await withStore(o, io, async (store) => {
        const ctx = await dailyContext(store, {
          company,
          rates,
          courier,
          by: o.by,
          today: io.clock.today(),
          ...(o.currency !== undefined ? { baseCurrency: o.currency } : {}),
          paths: { alertRules: o.rules },
        });
        return runDailyCycle(store, ctx, asOf, {
          clock: io.clock,
          // A second run of the date stops at once (exit 6, naming this one), or waits with --wait SECONDS.
          holder: `credence daily (process ${process.pid} on ${hostname()}, by ${o.by})`,
          waitMs: (io.session?.waitSeconds ?? (Number(io.env.CREDENCE_DB_WAIT ?? 0) || 0)) * 1000,
          ...(io.isTty ? { onProgress: (p: DailyProgress) => io.err(progressLine(p)) } : {}),
        });
      }).finally(() => courier.close());
      if (!r.ok) return emit(io, state, r);
      io.out(o.format === 'json' ? JSON.stringify(r.value, null, 2) : dailyText(r.value));
      if (!r.value.complete) state.exitCode = EXIT.rejected;
    });
}
