import { applyCashDecimal, type CashApplied, reallocateCashDecimal } from '@credence/app';
import type { Failure } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withStore } from '../context';
import { dec } from '../format/money';
import { asDate, asIdentifier, asName } from '../options';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

/** Before and after, one line each: the payment's unapplied cash, then each document's open balance. */
function figuresText(verb: string, paymentId: string, r: CashApplied): string {
  const { figures: f, application: a } = r;
  const c = f.currency;
  const line = (what: string, x: { before: bigint; after: bigint }) =>
    `  ${what}: ${c} ${dec(x.before, c)} -> ${dec(x.after, c)}`;
  return [
    `Cash application ${a.id} ${r.created ? `${verb} by ${a.by} on ${a.date}` : 'already recorded (unchanged)'}: ${c} ${dec(a.amount, c)} of payment ${paymentId}${a.from !== undefined ? ` from ${a.from}` : ''} to ${a.to}.`,
    line(`payment ${paymentId} unapplied`, f.unapplied),
    ...f.documents.map((d) => line(`${d.number} open`, d)),
  ].join('\n');
}

/** `payment apply` and `payment reallocate`: an operator puts a payment's cash on the right invoices. */
export function registerCashCommands(payment: Command, io: Io, state: { exitCode: number }): void {
  payment
    .command('apply')
    .description("apply a payment's unapplied cash to an open invoice of the same buyer and currency")
    .argument('<payment>', 'payment id')
    .requiredOption('--document <number>', 'the open invoice')
    .option('--amount <amount>', 'decimal amount (default: as much as the payment has unapplied and the invoice open)')
    .option('--date <date>', 'date of the application (default today)', asDate)
    .option(
      '--id <id>',
      'application id, the idempotency key (default: payment, invoice, date and amount)',
      asIdentifier,
    )
    .option('--by <name>', 'who applies it (recorded with the entry)', asName, 'credence')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (paymentId: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await applyCashDecimal(s, {
          paymentId,
          documentNumber: o.document,
          date: o.date ?? io.clock.today(),
          by: o.by,
          ...(o.amount !== undefined ? { amount: o.amount } : {}),
          ...(o.id !== undefined ? { id: o.id } : {}),
        });
        return res.ok ? { ok: true, text: figuresText('recorded', paymentId, res.value) } : res;
      });
      emit(io, state, r);
    });
  payment
    .command('reallocate')
    .description('move an amount a payment applied to one invoice over to another (new allocation rows)')
    .argument('<payment>', 'payment id')
    .requiredOption('--from <number>', 'the invoice the payment was applied to')
    .requiredOption('--to <number>', 'the open invoice it goes to instead')
    .option('--amount <amount>', 'decimal amount (default: as much as was applied to --from and --to has open)')
    .option('--date <date>', 'date of the reallocation (default today)', asDate)
    .option(
      '--id <id>',
      'reallocation id, the idempotency key (default: payment, invoices, date and amount)',
      asIdentifier,
    )
    .option('--by <name>', 'who moves it (recorded with the entry)', asName, 'credence')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (paymentId: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await reallocateCashDecimal(s, {
          paymentId,
          from: o.from,
          to: o.to,
          date: o.date ?? io.clock.today(),
          by: o.by,
          ...(o.amount !== undefined ? { amount: o.amount } : {}),
          ...(o.id !== undefined ? { id: o.id } : {}),
        });
        return res.ok ? { ok: true, text: figuresText('recorded', paymentId, res.value) } : res;
      });
      emit(io, state, r);
    });
}
