import { ledgerCounts, type RecordedLetter } from '@credence/app';
import { type PortfolioSize, runDemo } from '@credence/demo';
import { letterMail, loadPolicies, openStoreFrom, writeLetters } from '@credence/runtime';
import { type Command, InvalidArgumentError } from 'commander';
import { describeStore, type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asCurrency, asDate, asPositiveInt } from '../options';
import { DEFAULT_DEMO_DIR, demoStepText, demoText } from './demo';

const asSize = (v: string): PortfolioSize => {
  if (v === 'small' || v === 'medium' || v === 'large') return v;
  throw new InvalidArgumentError('choose small, medium or large.');
};

export function registerSetupCommands(program: Command, io: Io, state: { exitCode: number }): void {
  program
    .command('init')
    .description('create (or upgrade) the database: embedded in --db DIR, or PostgreSQL when DATABASE_URL is set')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const counts = await withStore(o, io, (s) => ledgerCounts(s));
      io.out(
        `Database ready at ${describeStore(o, io.env)}: ${counts.buyers} buyers, ${counts.documents} documents, ${counts.payments} payments.`,
      );
    });
  program
    .command('demo')
    .description(
      'build a deterministic demo portfolio in a database of its own and print aging, KPIs and the most overdue buyers',
    )
    .option('--seed <n>', 'random seed: the same seed and date give the same portfolio', asPositiveInt, 42)
    .option('--size <size>', 'small (~30 buyers), medium (~300), large (~3,000)', asSize, 'medium')
    .option('--dir <dir>', 'directory for the demo (replaced on every run; never your --db)', DEFAULT_DEMO_DIR)
    .option('--as-of <date>', 'the last day of the portfolio and the report date (default: today)', asDate)
    .option('--currency <code>', 'reporting currency for totals and ranking', asCurrency, asCurrency('EUR'))
    .option('--locale <locale>', 'number format for tables', 'en')
    .option(
      '--database-url <url>',
      'build into this PostgreSQL database (refused unless empty) instead of <dir>/db; never read from DATABASE_URL',
    )
    .action(async (o) => {
      const { limit: limits, ...policies } = await loadPolicies();
      const url: string | undefined = o.databaseUrl;
      const print = { seed: o.seed, dir: o.dir, asOf: o.asOf ?? io.clock.today(), locale: o.locale, postgres: !!url };
      const options = { ...print, size: o.size, reportingCurrency: o.currency };
      const ports = {
        openStore: (db: string) =>
          url ? openStoreFrom({ env: { DATABASE_URL: url } }) : openStoreFrom({ db, env: {} }),
        ...(url ? { storeName: 'PostgreSQL (--database-url)' } : {}),
        policies: { ...policies, limits },
        writeLetters: (dir: string, letters: readonly RecordedLetter[], from?: string) =>
          writeLetters(dir, letters, letterMail(), from),
      };
      const r = await runDemo(options, ports, (s) => io.out(demoStepText(s, options)));
      if (!r.ok) {
        io.err(`credence: ${r.reason}`);
        state.exitCode = EXIT.usage;
        return;
      }
      for (const text of demoText(r.value, options)) io.out(text);
    });
}
