import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { describe, exitCodeOf } from '../exit-codes';
import { asBounds, asCurrency, asDate, asFormat, asPositiveInt } from '../options';
import { registerEclReport } from './register-ecl';
import { registerWorkingCapitalReport } from './register-working-capital';
import { runReportAging } from './report-aging';
import { runReportKpis } from './report-kpis';
import { asKpiPerson, runKpisByPerson } from './report-kpis-by-person';

type Result = { ok: true; text: string } | { ok: false; error: import('@credence/core').Failure };

export function emit(io: Io, state: { exitCode: number }, r: Result): void {
  if (r.ok) io.out(r.text);
  else {
    io.err(`credence: ${describe(r.error)}`);
    state.exitCode = exitCodeOf(r.error);
  }
}

export function registerReportCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const report = program.command('report').description('reports derived from the ledger as of a date');
  report
    .command('aging')
    .description('open receivables by days overdue, per currency (or per buyer)')
    .option('--as-of <date>', 'the date to age as of (default: today)', asDate)
    .option('--by <what>', '"buyer" for one row per buyer')
    .option('--buckets <days>', 'upper bounds of the overdue buckets', asBounds)
    .option('--format <format>', 'table, json or csv', asFormat, 'table')
    .option('--currency <code>', 'also total in this reporting currency (needs FX rates)', asCurrency)
    .option('--locale <locale>', 'number format for tables, e.g. en, de, zh-CN', 'en')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      if (o.by !== undefined && o.by !== 'buyer') {
        io.err('credence: --by accepts only "buyer"');
        state.exitCode = 2;
        return;
      }
      const r = await withExistingStore(o, io, (s) =>
        runReportAging(s, {
          asOf: o.asOf ?? io.clock.today(),
          byBuyer: o.by === 'buyer',
          format: o.format,
          locale: o.locale,
          ...(o.buckets ? { bounds: o.buckets } : {}),
          ...(o.currency ? { reportingCurrency: o.currency } : {}),
        }),
      );
      emit(io, state, r);
    });
  report
    .command('kpis')
    .description('DSO, countback DSO, best possible DSO, ADD, CEI, overdue %, payment behaviour')
    .option('--as-of <date>', 'end of the period (default: today)', asDate)
    .option('--from <date>', 'start of the period (default: three months before --as-of)', asDate)
    .option('--buyer <id>', 'payment behaviour of one buyer only')
    .option('--format <format>', 'table, json or csv', asFormat, 'table')
    .option('--currency <code>', 'also total in this reporting currency (needs FX rates)', asCurrency)
    .option('--top <n>', 'buyers listed in the payment-behaviour table', asPositiveInt, 10)
    .option('--locale <locale>', 'number format for tables', 'en')
    .option('--by <person>', 'per sales-owner or collector, month by month (from --from to --as-of)')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      if (o.by !== undefined) return emit(io, state, await runKpisByPerson(io, { ...o, by: asKpiPerson(o.by) }));
      const r = await withExistingStore(o, io, (s) =>
        runReportKpis(s, {
          asOf: o.asOf ?? io.clock.today(),
          format: o.format,
          locale: o.locale,
          top: o.top,
          ...(o.from ? { from: o.from } : {}),
          ...(o.buyer ? { buyerId: o.buyer } : {}),
          ...(o.currency ? { reportingCurrency: o.currency } : {}),
        }),
      );
      emit(io, state, r);
    });
  registerEclReport(report, io, state);
  registerWorkingCapitalReport(report, io, state);
}
