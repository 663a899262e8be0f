import { addNote, addPromise, createPlan, type InstalmentSpec, openDispute, resolveDispute } from '@credence/app';
import {
  DISPUTE_OUTCOMES,
  DISPUTE_REASONS,
  type DisputeOutcome,
  type DisputeReason,
  type Failure,
} from '@credence/core';
import { readGraceDays } from '@credence/runtime';
import { type Command, InvalidArgumentError } from 'commander';
import { type Io, withStore } from '../context';
import { dec } from '../format/money';
import { asCurrency, asDate, asName, asNote, asPositiveInt } from '../options';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

/** A use case names a field neutrally (`creditNote`); the CLI's message names the option the user typed. */
const cliField = (f: Failure, option: string): Out => ({
  ok: false,
  error: { ...f, params: { ...f.params, field: option } },
});
const collect = (v: string, prev: string[]) => [...prev, v];
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (v: string): T => {
    if ((choices as readonly string[]).includes(v)) return v as T;
    throw new InvalidArgumentError(`choose one of ${choices.join(', ')}.`);
  };
const instalment = (v: string, prev: { date: string; amount: string }[]) => {
  const [d, amount] = v.split('=');
  if (d === undefined || amount === undefined) throw new InvalidArgumentError('DATE=AMOUNT, e.g. 2026-05-31=1500.00');
  return [...prev, { date: asDate(d), amount }];
};
const DB = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;

export function registerCollectionCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const dispute = program.command('dispute').description('disputed invoices (争议): dunning pauses for them only');
  dispute
    .command('open')
    .description('open a dispute on one or more invoices of a buyer')
    .requiredOption('--document <number>', 'a disputed invoice (repeat)', collect, [])
    .requiredOption('--reason <code>', DISPUTE_REASONS.join(' | '), oneOf<DisputeReason>(DISPUTE_REASONS))
    .requiredOption('--owner <name>', 'who works on it', asName)
    .option('--notes <text>', 'what the buyer says', asNote, '')
    .option('--by <name>', 'who records it', asName, 'credence')
    .option(...DB)
    .action(async (o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const d = await openDispute(
          s,
          { documents: o.document, reason: o.reason, owner: o.owner, notes: o.notes, by: o.by },
          io.clock.today(),
        );
        return d.ok
          ? {
              ok: true,
              text: `${d.value.id}: opened on ${d.value.documents.join(', ')} (${d.value.buyerId}, ${d.value.reason}, owner ${d.value.owner})`,
            }
          : d;
      });
      emit(io, state, r);
    });
  dispute
    .command('resolve')
    .description('resolve a dispute: by credit note, partial acceptance or rejection; dunning resumes on what is open')
    .argument('<id>', 'dispute id, e.g. DSP-0001')
    .requiredOption('--outcome <outcome>', DISPUTE_OUTCOMES.join(' | '), oneOf<DisputeOutcome>(DISPUTE_OUTCOMES))
    .option(
      '--credit-note <number>',
      'the credit note issued for the claim or the part accepted (outcomes credit_note, partial)',
    )
    .option('--notes <text>', 'notes', asNote, '')
    .option('--by <name>', 'who records it', asName, 'credence')
    .option(...DB)
    .action(async (id: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const d = await resolveDispute(
          s,
          { id, outcome: o.outcome, ...(o.creditNote ? { creditNote: o.creditNote } : {}), notes: o.notes, by: o.by },
          io.clock.today(),
        );
        if (!d.ok) return d.error.params.field === 'creditNote' ? cliField(d.error, '--credit-note') : d;
        return { ok: true, text: `${id}: resolved (${d.value.outcome}); dunning resumes on what is still open` };
      });
      emit(io, state, r);
    });

  program
    .command('promise')
    .description('promises to pay (承诺付款)')
    .command('add')
    .description(
      'record a promise: dunning of its items waits until the date plus grace; unpaid then, it is broken and escalated',
    )
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--amount <amount>', 'amount promised, e.g. 2500.00')
    .requiredOption('--date <date>', 'promised payment date', asDate)
    .option(
      '--document <number>',
      'an invoice it covers (repeat; default: all open items in the currency)',
      collect,
      [],
    )
    .option('--currency <code>', "currency (default: the documents' or the buyer's)", asCurrency)
    .option('--grace <days>', 'days of grace (default: company settings, 3)', asPositiveInt)
    .option('--notes <text>', 'notes', asNote, '')
    .option('--by <name>', 'who records it', asName, 'credence')
    .option('--company <file>', 'company settings (default ./company.json)')
    .option(...DB)
    .action(async (o) => {
      const grace = o.grace ?? (await readGraceDays(o.company, io.env)).promiseGraceDays;
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const p = await addPromise(
          s,
          {
            buyerId: o.buyer,
            amount: o.amount,
            ...(o.currency ? { currency: o.currency } : {}),
            date: o.date,
            documents: o.document,
            graceDays: grace,
            notes: o.notes,
            by: o.by,
          },
          io.clock.today(),
        );
        return p.ok
          ? {
              ok: true,
              text: `${p.value.id}: ${o.buyer} promises ${o.amount} ${p.value.currency} by ${p.value.promisedDate} (+${grace} days' grace)`,
            }
          : p;
      });
      emit(io, state, r);
    });

  program
    .command('plan')
    .description('payment plans (分期付款)')
    .command('create')
    .description("agree instalments for invoices of one buyer: they replace the invoices' due dates for dunning")
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--document <number>', 'an invoice in the plan (repeat)', collect, [])
    .option(
      '--instalment <date=amount>',
      'an instalment (repeat); they must add up to the open balance',
      instalment,
      [],
    )
    .option('--instalments <n>', 'or: this many equal monthly instalments …', asPositiveInt)
    .option('--first <date>', '… the first on this date', asDate)
    .option('--grace <days>', 'days of grace per instalment (default: company settings, 5)', asPositiveInt)
    .option('--notes <text>', 'notes', asNote, '')
    .option('--by <name>', 'who records it', asName, 'credence')
    .option('--company <file>', 'company settings (default ./company.json)')
    .option(...DB)
    .action(async (o) => {
      if ((o.instalments === undefined) === (o.instalment.length === 0) || (o.instalments !== undefined && !o.first)) {
        io.err('credence: give --instalment DATE=AMOUNT (repeat), or --instalments N with --first DATE');
        state.exitCode = 2;
        return;
      }
      const spec: InstalmentSpec =
        o.instalments !== undefined
          ? { kind: 'monthly', count: o.instalments, first: o.first }
          : { kind: 'explicit', instalments: o.instalment };
      const grace = o.grace ?? (await readGraceDays(o.company, io.env)).planGraceDays;
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const p = await createPlan(
          s,
          { buyerId: o.buyer, documents: o.document, spec, graceDays: grace, notes: o.notes, by: o.by },
          io.clock.today(),
        );
        if (!p.ok) return p;
        const lines = p.value.instalments.map(
          (i) => `  ${i.date}  ${dec(i.amount, p.value.currency)} ${p.value.currency}`,
        );
        return { ok: true, text: [`${p.value.id}: ${o.buyer}, ${p.value.documents.join(', ')}`, ...lines].join('\n') };
      });
      emit(io, state, r);
    });

  program
    .command('note')
    .description("notes and calls on a buyer's timeline")
    .command('add')
    .description("add a note (or a call with --call) to a buyer's timeline")
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--text <text>', 'the note', asNote)
    .option('--call', 'record a phone call')
    .option('--document <number>', 'an invoice it is about (repeat)', collect, [])
    .option('--date <date>', 'when (default: today)', asDate)
    .option('--by <name>', 'who', asName, 'credence')
    .option(...DB)
    .action(async (o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const n = await addNote(
          s,
          {
            buyerId: o.buyer,
            kind: o.call ? 'call' : 'note',
            text: o.text,
            documents: o.document,
            by: o.by,
            ...(o.date ? { date: o.date } : {}),
          },
          io.clock.today(),
        );
        return n.ok ? { ok: true, text: `${o.buyer}: ${o.call ? 'call' : 'note'} recorded (${n.value.date})` } : n;
      });
      emit(io, state, r);
    });
}
