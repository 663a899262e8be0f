import { recordPayment, reverseEntry, writeOffDecimal } from '@credence/app';
import { type BusinessDate, type CurrencyCode, type Failure, parseMoney } from '@credence/core';
import { type Command, InvalidArgumentError } from 'commander';
import { type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { dec } from '../format/money';
import { asCurrency, asDate, asIdentifier, asNote } from '../options';
import { registerCashCommands } from './register-cash';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

/** An amount is parsed against its currency, so '12.345' EUR is refused rather than rounded. */
function amountIn(io: Io, state: { exitCode: number }, text: string, currency: CurrencyCode): bigint | undefined {
  const m = parseMoney(text, currency);
  if (m.ok && m.value.amount > 0n) return m.value.amount;
  io.err(`credence: "${text}" is not an amount greater than zero in ${currency}`);
  state.exitCode = EXIT.usage;
  return undefined;
}

const asKind = (v: string): 'payment' | 'write_off' => {
  if (v === 'payment') return 'payment';
  if (v === 'write-off' || v === 'write_off') return 'write_off';
  throw new InvalidArgumentError('choose payment or write-off.');
};

export function registerEntryCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const payment = program
    .command('payment')
    .description('record a payment (allocated like an imported one), or apply or move its cash');
  registerCashCommands(payment, io, state);
  payment
    .command('add')
    .description('record one payment (allocated like an imported one)')
    .requiredOption(
      '--id <id>',
      'payment id (the idempotency key: rerunning the same command changes nothing)',
      asIdentifier,
    )
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--date <date>', 'payment date', asDate)
    .requiredOption('--amount <amount>', 'decimal amount, e.g. 1200.50')
    .requiredOption('--currency <code>', 'ISO 4217 currency', asCurrency)
    .option('--document <number>', 'the invoice the buyer says it pays (default: oldest due first)')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const amount = amountIn(io, state, o.amount, o.currency);
      if (amount === undefined) return;
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await recordPayment(s, {
          id: o.id,
          buyerId: o.buyer,
          date: o.date as BusinessDate,
          amount,
          currency: o.currency,
          ...(o.document ? { documentNumber: o.document } : {}),
        });
        if (!res.ok) return res;
        const v = res.value;
        const lines = v.allocations.map((a) => `  ${a.documentNumber}: ${dec(-a.delta, a.currency)} settled`);
        return {
          ok: true,
          text: [
            `Payment ${o.id} ${v.created ? 'recorded' : 'already recorded (unchanged)'}: ${o.currency} ${dec(amount, o.currency)}.`,
            ...lines,
            ...(v.unapplied > 0n ? [`  ${dec(v.unapplied, o.currency)} left unapplied on the buyer's account`] : []),
          ].join('\n'),
        };
      });
      emit(io, state, r);
    });
  program
    .command('write-off')
    .description("write off (part of) an invoice's open balance")
    .requiredOption('--id <id>', 'write-off id (idempotency key)', asIdentifier)
    .requiredOption('--document <number>', 'invoice number')
    .requiredOption('--date <date>', 'write-off date', asDate)
    .requiredOption('--reason <text>', 'why (kept with the entry)', asNote)
    .option('--amount <amount>', "amount (default: the invoice's whole open balance)")
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await writeOffDecimal(s, {
          id: o.id,
          documentNumber: o.document,
          date: o.date,
          reason: o.reason,
          ...(o.amount !== undefined ? { amount: o.amount } : {}),
        });
        if (!res.ok) return res;
        const w = res.value.writeOff;
        const cur = res.value.currency;
        return {
          ok: true,
          text: `Write-off ${w.id} ${res.value.created ? 'recorded' : 'already recorded (unchanged)'}: ${w.documentNumber} ${cur ? dec(w.amount, cur) : w.amount} on ${w.date}.`,
        };
      });
      emit(io, state, r);
    });
  program
    .command('reverse')
    .description('reverse a payment (e.g. a bounced transfer) or a write-off from a date on')
    .argument('<kind>', 'payment | write-off', asKind)
    .argument('<target>', 'id of the payment or write-off')
    .requiredOption('--id <id>', 'reversal id', asIdentifier)
    .requiredOption('--date <date>', 'reversal date', asDate)
    .requiredOption('--reason <text>', 'why', asNote)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (kind: 'payment' | 'write_off', target: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await reverseEntry(s, { id: o.id, kind, targetId: target, date: o.date, reason: o.reason });
        if (!res.ok) return res;
        return {
          ok: true,
          text: `Reversal ${o.id} of ${kind.replace('_', '-')} ${target} ${res.value.created ? `recorded from ${o.date}` : 'already recorded (unchanged)'}; ${res.value.allocations.length} document balances restored.`,
        };
      });
      emit(io, state, r);
    });
}
