import { RuntimeError } from '@credence/runtime';
import { Command, CommanderError } from 'commander';
import { registerAlertCommands } from './commands/register-alerts';
import { registerAuditCommands } from './commands/register-audit';
import { registerBuyerCommands } from './commands/register-buyer';
import { registerCashApplicationCommands } from './commands/register-cash-application';
import { registerCollectionLists } from './commands/register-collection-lists';
import { registerCollectionCommands } from './commands/register-collections';
import { registerCountryRiskCommands } from './commands/register-country-risk';
import { registerCreditCommands } from './commands/register-credit';
import { registerDailyCommand } from './commands/register-daily';
import { registerDeliveryCommands } from './commands/register-delivery';
import { registerDunningCommands } from './commands/register-dunning';
import { registerEntryCommands } from './commands/register-entries';
import { registerForecastCommands } from './commands/register-forecast';
import { registerGradeCommands } from './commands/register-grade';
import { registerImportCommand } from './commands/register-import';
import { registerInsuranceCommands } from './commands/register-insurance';
import { registerInterestCommands } from './commands/register-interest';
import { registerLimitCommands } from './commands/register-limit';
import { registerModelCommands } from './commands/register-model';
import { registerPolicyCommands } from './commands/register-policy';
import { registerReportCommands } from './commands/register-report';
import { registerReviewCommands } from './commands/register-review';
import { registerSecurityCommands } from './commands/register-security';
import { registerServeCommand } from './commands/register-serve';
import { registerSetupCommands } from './commands/register-setup';
import { registerSimulateCommand } from './commands/register-simulate';
import { registerStatementCommands } from './commands/register-statement';
import { registerUserCommands } from './commands/register-users';
import { registerWebhookCommands } from './commands/register-webhooks';
import { registerWorkerCommand } from './commands/register-worker';
import { registerWorkingCapitalCommands } from './commands/register-working-capital';
import { registerWorklistCommands } from './commands/register-worklist';
import { CliError, cliErrorOf, type Io, processIo, type Session } from './context';
import { EXIT } from './exit-codes';
import { asName, asSeconds } from './options';
import { forwardBy, relaxRequiredBy } from './who';

/** Builds the `credence` program. Every command sets `state.exitCode`; nothing calls process.exit. */
export function buildProgram(base: Io, state: { exitCode: number }): Command {
  const session: Session = {};
  const io: Io = { ...base, session };
  const program = new Command('credence')
    .description(
      'Credence — trade-credit and receivables risk: ledger, aging, KPIs, risk grades and limits, dunning and collections',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .option(
      '--wait <seconds>',
      "wait up to this long for another process to close the embedded database, or to end the same date's daily cycle (default: CREDENCE_DB_WAIT, else 0)",
      asSeconds,
    )
    .option(
      '--by <name>',
      'who records entries and decisions (default: CREDENCE_USER, else CREDENCE_OPERATOR, else the OS user)',
      asName,
    )
    .option('--operator <name>', 'the same as --by (kept for scripts)', asName)
    .hook('preAction', (_program, action) => {
      const g = program.opts<{ wait?: number; operator?: string; by?: string }>();
      if (g.wait !== undefined) session.waitSeconds = g.wait;
      forwardBy(action, g, session, io.env);
    });
  registerSetupCommands(program, io, state);
  registerImportCommand(program, io, state);
  registerEntryCommands(program, io, state);
  registerBuyerCommands(program, io, state);
  registerReportCommands(program, io, state);
  registerModelCommands(program, io, state);
  registerGradeCommands(program, io, state);
  registerPolicyCommands(program, io, state);
  registerLimitCommands(program, io, state);
  registerCreditCommands(program, io, state);
  registerReviewCommands(program, io);
  registerInterestCommands(program, io, state);
  registerCollectionCommands(program, io, state);
  registerCollectionLists(program, io);
  registerDunningCommands(program, io, state);
  registerWorklistCommands(program, io, state);
  registerUserCommands(program, io, state);
  registerWebhookCommands(program, io, state);
  registerAuditCommands(program, io, state);
  registerAlertCommands(program, io, state);
  registerDailyCommand(program, io, state);
  registerForecastCommands(program, io, state);
  registerSecurityCommands(program, io, state);
  registerCountryRiskCommands(program, io, state);
  registerDeliveryCommands(program, io, state);
  registerStatementCommands(program, io, state);
  registerWorkingCapitalCommands(program, io, state);
  registerSimulateCommand(program, io, state);
  registerInsuranceCommands(program, io, state);
  registerServeCommand(program, io);
  registerWorkerCommand(program, io);
  registerCashApplicationCommands(program, io, state);
  relaxRequiredBy(program);
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const state = { exitCode: EXIT.ok as number };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version'
        ? EXIT.ok
        : EXIT.usage;
    }
    const cli = e instanceof RuntimeError ? cliErrorOf(e) : e;
    if (cli instanceof CliError) {
      io.err(`credence: ${cli.message}`);
      return cli.exitCode;
    }
    io.err(`credence: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.bug;
  }
  return state.exitCode;
}
