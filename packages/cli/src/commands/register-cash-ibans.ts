import { removeLearnedIban, setLearnedIban } from '@credence/app';
import type { Failure } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withStore } from '../context';
import { asFormat, asIdentifier, asName } from '../options';
import { cashJson } from './cash-lines-text';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

/** `credence cash ibans list|set|remove`: the learned IBAN → buyer map, which the matcher reads as evidence. */
export function registerIbanCommands(cash: Command, io: Io, state: { exitCode: number }): void {
  const ibans = cash.command('ibans').description('the payer IBANs known to be a buyer’s (learned or set)');
  ibans
    .command('list')
    .option('--buyer <id>', 'only this buyer')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const rows = (await s.learnedIbans()).filter((i) => o.buyer === undefined || i.buyerId === o.buyer);
        if (o.format === 'json') return { ok: true, text: cashJson({ ibans: rows }) };
        const text = rows
          .map(
            (i) =>
              `${i.iban}  ${i.buyerId}  ${i.learnedFrom === undefined ? `set by ${i.setBy}` : `learned from ${i.learnedFrom}`}`,
          )
          .join('\n');
        return { ok: true, text: text === '' ? 'No IBANs known.' : text };
      });
      emit(io, state, r);
    });
  ibans
    .command('set')
    .argument('<iban>')
    .requiredOption('--buyer <id>', 'the buyer the IBAN belongs to', asIdentifier)
    .option('--by <name>', 'who sets it', asName, 'credence')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (iban: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await setLearnedIban(s, { iban, buyerId: o.buyer, by: o.by });
        return res.ok ? { ok: true, text: `${res.value.iban} is ${res.value.buyerId}'s.` } : res;
      });
      emit(io, state, r);
    });
  ibans
    .command('remove')
    .argument('<iban>')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (iban: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await removeLearnedIban(s, iban);
        return res.ok ? { ok: true, text: `${res.value.iban} removed.` } : res;
      });
      emit(io, state, r);
    });
}
