import { completeTask, refreshWorklist, snoozeTask } from '@credence/app';
import { type Failure, reasonLocaleOf, type StoredTask } from '@credence/core';
import { policyInForce, readCompany, readRates } from '@credence/runtime';
import type { Command } from 'commander';
import { type Io, withStore } from '../context';
import { describe, exitCodeOf } from '../exit-codes';
import { asCurrency, asDate, asFormat, asPositiveInt } from '../options';
import { LANG_OPTION, say } from './reason-lang';
import { renderWorklist } from './worklist';

const json = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
const DB = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;
const BY = ['--by <name>', 'who does it', 'credence'] as const;

/** `worklist` (the kept list of the day), `worklist done KEY`, `worklist snooze KEY --until D`. */
export function registerWorklistCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const failed = (f: Failure) => {
    io.err(`credence: ${describe(f)}`);
    state.exitCode = exitCodeOf(f);
  };
  const worklist = program
    .command('worklist')
    .description(
      "the collector's tasks: today's and those still open from earlier days, ranked by amount × days overdue × risk",
    )
    .option('--as-of <date>', 'the day (default: today)', asDate)
    .option(
      '--currency <code>',
      'reporting currency for the amounts (needs FX rates for others)',
      asCurrency,
      asCurrency('EUR'),
    )
    .option('--limit <n>', 'show the first n tasks', asPositiveInt, 50)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--policy <file>', 'dunning policy JSON (default: the shipped one)')
    .option('--rates <file>', 'reference-rate tables JSON (default: the shipped ones)')
    .option('--company <file>', 'company settings (default ./company.json or $CREDENCE_COMPANY)')
    .option(...LANG_OPTION)
    .option(...DB)
    .action(async (o) => {
      const [rates, company] = await Promise.all([readRates(o.rates), readCompany(o.company, io.env)]);
      const asOf = o.asOf ?? io.clock.today();
      const words = say(o.lang ?? reasonLocaleOf(company.language));
      await withStore(
        o,
        io,
        async (store) => {
          const [policy, grading, check] = await Promise.all([
            policyInForce(store, 'dunning', o.policy),
            policyInForce(store, 'grading'),
            policyInForce(store, 'check'),
          ]);
          const delivery = check.credit?.deliveryConfirmation;
          const securities = check.credit?.securities;
          const found = await refreshWorklist(store, {
            asOf,
            policy,
            company,
            rates,
            currency: o.currency,
            defaultPd: grading.basePd,
            ...(delivery !== undefined ? { delivery } : {}),
            ...(securities !== undefined ? { securities } : {}),
          });
          if (!found.ok) return failed(found.error);
          const { tasks, closed, snoozed } = found.value;
          io.out(
            o.format === 'json'
              ? json({
                  asOf,
                  currency: o.currency,
                  tasks: tasks.slice(0, o.limit).map((t) => ({
                    ...t,
                    text: words.work(t),
                    ...(t.nextStep !== undefined ? { nextStep: { ...t.nextStep, text: words.next(t.nextStep) } } : {}),
                  })),
                  closed: closed.map((t) => ({ ...t, text: words.work(t) })),
                  snoozed,
                })
              : renderWorklist(asOf, o.currency, tasks, o.limit, words, { closed, snoozed }),
          );
        },
        false,
      );
    });
  const settled = (verb: string) => (r: Awaited<ReturnType<typeof completeTask>>) => {
    if (!r.ok) return failed(r.error);
    const t: StoredTask = r.value;
    io.out(`${t.key}: ${verb}${t.snoozedUntil ? ` until ${t.snoozedUntil}` : ''} (${t.buyerId})`);
  };
  worklist
    .command('done <key>')
    .description('mark a task done (e.g. the letter is posted); a note goes on the buyer timeline')
    .option('--note <text>', 'what was done, the outcome')
    .option(...BY)
    .option(...DB)
    .action(async (key: string, o) => {
      // `--db` after the key is taken by the parent `worklist` (it has the option too): read it from there as well.
      const r = await withStore({ ...o, db: o.db ?? worklist.opts().db }, io, (s) =>
        completeTask(s, { key, by: o.by, ...(o.note ? { note: o.note } : {}) }, io.clock.today()),
      );
      settled('done')(r);
    });
  worklist
    .command('snooze <key>')
    .description('put a task aside until a date; it comes back then unless dealt with')
    .requiredOption('--until <date>', 'the day it comes back', asDate)
    .option('--note <text>', 'why')
    .option(...BY)
    .option(...DB)
    .action(async (key: string, o) => {
      const r = await withStore({ ...o, db: o.db ?? worklist.opts().db }, io, (s) =>
        snoozeTask(s, { key, until: o.until, by: o.by, ...(o.note ? { note: o.note } : {}) }, io.clock.today()),
      );
      settled('snoozed')(r);
    });
}
