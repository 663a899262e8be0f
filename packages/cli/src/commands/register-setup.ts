import { join } from 'node:path';
import { addUser, ledgerCounts, type RecordedLetter, type Role, type Store } from '@credence/app';
import { type PortfolioSize, runDemo } from '@credence/demo';
import { letterMail, loadPolicies, openStoreFrom, writeLetters } from '@credence/runtime';
import { type Command, InvalidArgumentError } from 'commander';
import { describeStore, type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asCurrency, asDate, asHost, asPort, asPositiveInt } from '../options';
import { DEFAULT_DEMO_DIR, demoStepText, demoText } from './demo';
import { readRules } from './register-alerts';
import { type SignInAs, serveUntilStopped } from './register-serve';

const asSize = (v: string): PortfolioSize => {
  if (v === 'small' || v === 'medium' || v === 'large') return v;
  throw new InvalidArgumentError('choose small, medium or large.');
};

/** The demo's users (the database is new on every run): a credit manager, a second one for four eyes, a collector. */
async function demoUsers(store: Store): Promise<SignInAs[]> {
  const users: [string, Role][] = [
    ['demo-manager', 'credit_manager'],
    ['demo-approver', 'credit_manager'],
    ['demo-collector', 'collector'],
  ];
  const made: SignInAs[] = [];
  for (const [name, role] of users) {
    const r = await addUser(store, { name, role });
    if (!r.ok) throw new Error(`demo user ${name}: ${r.error.code}`);
    made.push({ user: name, role, token: r.value.token });
  }
  return made;
}

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
    .option('--serve', 'then serve it (API, web workspace, worker) with demo users to sign in as, until Ctrl-C')
    .option('--port <port>', 'with --serve: TCP port (0: any free one)', asPort, 8080)
    .option('--host <host>', 'with --serve: interface to listen on', asHost, '127.0.0.1')
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
        alertRules: await readRules(undefined),
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
      if (o.serve)
        await serveUntilStopped(io, {
          port: o.port,
          host: o.host,
          worker: true,
          interval: 1000,
          ...(url ? {} : { db: join(o.dir, 'db') }),
          // The demo's own database (--database-url, else <dir>/db) and company settings, whatever the environment says.
          env: { ...io.env, DATABASE_URL: url ?? '', CREDENCE_COMPANY: join(o.dir, 'company.json') },
          signIn: demoUsers,
        });
    });
}
