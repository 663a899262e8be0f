import type { ImportFailure } from '@credence/app';
import type { CountryRiskSummary } from '@credence/app/monitoring';
import { FileReadError, openRows } from '@credence/files';
import type { Command } from 'commander';
import { type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asDate, asName } from '../options';
import { emit } from './register-report';
import { rowMessage } from './row-messages';

/** Loaded when a command runs: the monitoring use cases pull in Zod (the CLI starts on commander alone). */
const useCases = () => import('@credence/app/monitoring');

const DB = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;

const summary = (what: string, s: CountryRiskSummary) =>
  `${what}: ${s.rows} ${s.rows === 1 ? 'class' : 'classes'}, ${s.written} recorded, ${s.unchanged} unchanged`;

function reject(io: Io, state: { exitCode: number }, f: ImportFailure): void {
  for (const e of f.errors) io.err(rowMessage(e));
  io.err(
    `credence: ${String(f.params.file)}: ${f.errorCount} ${f.errorCount === 1 ? 'error' : 'errors'}, nothing done.`,
  );
  state.exitCode = EXIT.rejected;
}

/** `credence country-risk set|import`: country risk classes by date (docs/domain/monitoring.md, country risk). */
export function registerCountryRiskCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const cr = program
    .command('country-risk')
    .description('country risk classes (0 best … 7 worst) by date, for the country_risk_worsened alert');
  cr.command('set')
    .description("record a country's risk class from a date (same country and date: replaced)")
    .argument('<country>', 'ISO 3166 code, as the buyers carry it (e.g. CN)')
    .argument('<class>', 'risk class, 0 … 7')
    .requiredOption('--from <date>', 'in force from', asDate)
    .requiredOption('--source <name>', 'who published it (e.g. "OECD 2026-05")', asName)
    .option(...DB)
    .action(async (country: string, riskClass: string, o) => {
      const { setCountryRisk } = await useCases();
      const r = await withStore(o, io, (s) =>
        setCountryRisk(s, { country, riskClass, validFrom: o.from, source: o.source }),
      );
      if (!r.ok) return emit(io, state, { ok: false, error: r.error });
      emit(io, state, {
        ok: true,
        text: summary(`${country.toUpperCase()} class ${riskClass} from ${o.from}`, r.value),
      });
    });
  cr.command('import')
    .description('record a file of classes (country,class,valid_from,source): all or nothing, rerun safely')
    .argument('<file>', 'CSV or XLSX file')
    .option(...DB)
    .action(async (file: string, o) => {
      let source: Awaited<ReturnType<typeof openRows>>;
      try {
        source = await openRows(file);
      } catch (e) {
        if (!(e instanceof FileReadError)) throw e;
        io.err(`credence: ${e.message}`);
        state.exitCode = EXIT.rejected;
        return;
      }
      const { importCountryRisk } = await useCases();
      const r = await withStore(o, io, (s) => importCountryRisk(s, source));
      if (!r.ok) return reject(io, state, r.error);
      io.out(summary(file, r.value));
    });
}
