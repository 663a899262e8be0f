import { buyerTimeline, pauseBuyer, setCreditHold } from '@credence/app';
import type { Failure } from '@credence/core';
import { gradeContext, policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { type Io, withExistingStore, withStore } from '../context';
import { asDate, asFormat, asName, asNote } from '../options';
import { runBuyerList, runBuyerShow } from './buyers';
import { LANG_OPTION, reasonLang, say } from './reason-lang';
import { registerKeyAccounts } from './register-credit-policy';
import { emit } from './register-report';
import { renderTimeline } from './timeline';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

export function registerBuyerCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const buyer = program.command('buyer').description('buyers (customers, debtors)');
  registerKeyAccounts(buyer, io, state);
  buyer
    .command('list')
    .description('all buyers')
    .option('--format <format>', 'table, json or csv', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => emit(io, state, await withExistingStore(o, io, (s) => runBuyerList(s, o.format))));
  buyer
    .command('show')
    .description("one buyer's file and open items")
    .argument('<id>', 'buyer id')
    .option('--as-of <date>', 'open items as of this date (default: today)', asDate)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--locale <locale>', 'number format', 'en')
    .option(...LANG_OPTION)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (id: string, o) =>
      emit(
        io,
        state,
        await withExistingStore(o, io, async (s) =>
          runBuyerShow(
            s,
            id,
            o.asOf ?? io.clock.today(),
            o.format,
            o.locale,
            { ...(await gradeContext()), policy: await policyInForce(s, 'grading') },
            say(reasonLang(o.lang, io.env)),
          ),
        ),
      ),
    );
  for (const [name, hold] of [
    ['hold', true],
    ['release', false],
  ] as const)
    buyer
      .command(name)
      .description(hold ? 'put a buyer on credit hold (no shipping on credit)' : 'release a credit hold')
      .argument('<id>', 'buyer id')
      .requiredOption('--reason <text>', 'why', asNote)
      .requiredOption('--by <name>', 'who decides', asName)
      .option('--db <dir>', 'embedded database directory (default ./data/credence)')
      .action(async (id: string, o) => {
        const r = await withStore(o, io, async (s): Promise<Out> => {
          const e = await setCreditHold(s, { buyerId: id, hold, reason: o.reason, by: o.by }, io.clock.today());
          return e.ok
            ? {
                ok: true,
                text: `${id}: ${hold ? 'on credit hold' : 'released'} (${e.value.recordedOn}, ${e.value.by}: ${e.value.reason})`,
              }
            : e;
        });
        emit(io, state, r);
      });
  buyer
    .command('pause')
    .description('pause all dunning of a buyer until a date (inclusive)')
    .argument('<id>', 'buyer id')
    .requiredOption('--until <date>', 'last day of the pause', asDate)
    .requiredOption('--reason <text>', 'why', asNote)
    .option('--by <name>', 'who decides', asName, 'credence')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (id: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const p = await pauseBuyer(s, { buyerId: id, until: o.until, reason: o.reason, by: o.by }, io.clock.today());
        return p.ok ? { ok: true, text: `${id}: dunning paused until ${o.until} (${o.reason})` } : p;
      });
      emit(io, state, r);
    });
  buyer
    .command('resume')
    .description("end a buyer's dunning pause now")
    .argument('<id>', 'buyer id')
    .requiredOption('--reason <text>', 'why', asNote)
    .option('--by <name>', 'who decides', asName, 'credence')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (id: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const p = await pauseBuyer(s, { buyerId: id, reason: o.reason, by: o.by }, io.clock.today());
        return p.ok ? { ok: true, text: `${id}: dunning resumed` } : p;
      });
      emit(io, state, r);
    });
  buyer
    .command('timeline')
    .description('everything that happened in collecting with a buyer, in date order')
    .argument('<id>', 'buyer id')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (id: string, o) => {
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const t = await buyerTimeline(s, id);
        return t.ok
          ? { ok: true, text: o.format === 'json' ? JSON.stringify(t.value, null, 2) : renderTimeline(id, t.value) }
          : t;
      });
      emit(io, state, r);
    });
}
