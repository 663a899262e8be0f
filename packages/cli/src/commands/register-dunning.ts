import type { Failure } from '@credence/core';
import {
  courierFromEnv,
  deliverLetters,
  outboxDir,
  policyInForce,
  readCompany,
  readRates,
  runAndDeliverDunning,
} from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withStore } from '../context';
import { describe, EXIT, exitCodeOf } from '../exit-codes';
import { asDate, asFormat, asPositiveInt } from '../options';
import { runJson, runText } from './dunning-output';

const courier = (io: Io, outbox: string) => {
  try {
    return courierFromEnv(io.env, outbox);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e), EXIT.usage);
  }
};

export function registerDunningCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const failed = (f: Failure) => {
    io.err(`credence: ${describe(f)}`);
    state.exitCode = exitCodeOf(f);
  };
  const dunning = program
    .command('dunning')
    .description('the dunning ladder: letters to buyers who owe (docs/domain/dunning.md)');
  dunning
    .command('run')
    .description("decide and record today's letters (exactly once per date), then deliver what the outbox holds")
    .option('--as-of <date>', 'the run date (default: today)', asDate)
    .option('--dry-run', 'decide and show, record and send nothing')
    .option(
      '--confirm',
      'a first run (no run confirmed yet, or back history imported since): also send what is beyond the first overdue level',
    )
    .option('--out <dir>', 'also write each letter there (PDF, HTML, .eml)')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--policy <file>', 'dunning policy JSON (default: the shipped one)')
    .option('--rates <file>', 'reference-rate tables JSON (default: the shipped ones)')
    .option('--company <file>', 'company settings (default ./company.json or $CREDENCE_COMPANY)')
    .option(
      '--outbox <dir>',
      'where e-mails go without SMTP, and printed letters and case files (default ./data/outbox)',
    )
    .option('--templates <dir>', 'letter templates (default: the shipped ones)')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const [rates, company] = await Promise.all([readRates(o.rates), readCompany(o.company, io.env)]);
      const asOf = o.asOf ?? io.clock.today();
      const outbox = outboxDir(o.outbox, io.env);
      const carrier = o.dryRun ? undefined : courier(io, outbox);
      await withStore(o, io, async (store) => {
        const policy = await policyInForce(store, 'dunning', o.policy);
        const day = { asOf, policy, company, rates, dryRun: Boolean(o.dryRun), confirm: Boolean(o.confirm) };
        const delivery = carrier && { courier: carrier, outbox, company, rates, templates: o.templates };
        let ran: Awaited<ReturnType<typeof runAndDeliverDunning>>;
        try {
          ran = await runAndDeliverDunning(
            store,
            { ...day, today: io.clock.today() },
            { out: o.out, delivery, templates: o.templates },
          );
        } finally {
          await carrier?.close();
        }
        if (!ran.ok) return failed(ran.error);
        const { run: r, delivery: delivered } = ran.value;
        io.out(o.format === 'json' ? runJson(r, delivered) : runText(r, delivered, Boolean(o.dryRun)));
        // A first run that held letters back until confirmed: a status of its own for scripts (docs/cli.md).
        if (!o.dryRun && (r.firstRun?.held.length ?? 0) > 0) state.exitCode = EXIT.confirm;
      });
    });
  dunning
    .command('deliver')
    .description('deliver what the outbox holds (after an interrupted run), or retry failed deliveries')
    .option('--retry-failed', 'also try the failed ones again')
    .option(
      '--reclaim-after <seconds>',
      'retry an entry left "sending" by a delivery that stopped, after this long',
      asPositiveInt,
      900,
    )
    .option('--rates <file>', 'reference-rate tables JSON (for case files)')
    .option('--company <file>', 'company settings (default ./company.json or $CREDENCE_COMPANY)')
    .option('--outbox <dir>', 'outbox directory (default ./data/outbox)')
    .option('--templates <dir>', 'letter templates (default: the shipped ones)')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const [rates, company] = await Promise.all([readRates(o.rates), readCompany(o.company, io.env)]);
      const outbox = outboxDir(o.outbox, io.env);
      const carrier = courier(io, outbox);
      await withStore(o, io, async (store) => {
        const delivery = { courier: carrier, outbox, company, rates, templates: o.templates };
        let d: Awaited<ReturnType<typeof deliverLetters>>;
        try {
          d = await deliverLetters(store, delivery, io.clock.today(), {
            retryFailed: Boolean(o.retryFailed),
            reclaimAfterSeconds: o.reclaimAfter,
          });
        } finally {
          await carrier.close();
        }
        io.out(`Delivered: ${d.sent} sent, ${d.written} written, ${d.failed.length} failed (of ${d.attempted}).`);
        if (d.inFlight > 0)
          io.out(
            `${d.inFlight} entr${d.inFlight === 1 ? 'y is' : 'ies are'} being delivered by another run, or were left by one that stopped: tried again after --reclaim-after seconds (${o.reclaimAfter}).`,
          );
        for (const f of d.failed) io.out(`  failed ${f.outboxId}: ${f.detail}`);
      });
    });
}
