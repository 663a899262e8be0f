import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { asDate, asFormat } from '../options';
import { runBuyerList, runBuyerShow } from './buyers';
import { gradeContext } from './grading-config';
import { emit } from './register-report';

export function registerBuyerCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const buyer = program.command('buyer').description('buyers (customers, debtors)');
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
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (id: string, o) =>
      emit(
        io,
        state,
        await withExistingStore(o, io, async (s) =>
          runBuyerShow(s, id, o.asOf ?? io.clock.today(), o.format, o.locale, await gradeContext()),
        ),
      ),
    );
}
