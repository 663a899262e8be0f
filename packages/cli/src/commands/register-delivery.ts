import { confirmDelivery, listUnconfirmedDeliveries } from '@credence/app';
import { renderTable } from '@credence/core';
import { policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { type Io, withExistingStore, withStore } from '../context';
import { dec } from '../format/money';
import { asDate, asFormat, asIdentifier, asName } from '../options';
import { emit } from './register-report';

const DB = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;

/** `credence delivery confirm|list`: proof of delivery of invoices (docs/domain/credit-policy.md). */
export function registerDeliveryCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const delivery = program
    .command('delivery')
    .description('proof of delivery of invoices (docs/domain/credit-policy.md)');
  delivery
    .command('confirm')
    .description("record an invoice's proof of delivery (closes its confirm_delivery task)")
    .argument('<document>', 'invoice number')
    .requiredOption('--date <date>', 'the delivery date the proof shows', asDate)
    .option('--ref <ref>', 'reference of the proof (signed delivery note, tracking id)', asIdentifier)
    .requiredOption('--by <name>', 'who records it', asName)
    .option(...DB)
    .action(async (document: string, o) => {
      const r = await withStore(o, io, (s) =>
        confirmDelivery(
          s,
          { document, date: o.date, ...(o.ref !== undefined ? { ref: o.ref } : {}), by: o.by },
          io.clock.today(),
        ),
      );
      if (!r.ok) return emit(io, state, { ok: false, error: r.error });
      const c = r.value.confirmation;
      emit(io, state, {
        ok: true,
        text: `${c.document}: delivered ${c.deliveredOn}${c.ref !== undefined ? ` (${c.ref})` : ''} ${r.value.created ? 'confirmed' : 'already confirmed'}`,
      });
    });
  delivery
    .command('list')
    .description("open invoices whose proof of delivery is due and not confirmed (the credit policy's rule)")
    .argument('[buyer]', 'buyer id (default: every buyer)')
    .option('--as-of <date>', 'on this date (default: today)', asDate)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...DB)
    .action(async (buyerId: string | undefined, o) => {
      const asOf = o.asOf ?? io.clock.today();
      const list = await withExistingStore(o, io, async (s) => {
        const policy = (await policyInForce(s, 'check')).credit?.deliveryConfirmation;
        return listUnconfirmedDeliveries(s, {
          asOf,
          ...(policy !== undefined ? { policy } : {}),
          ...(buyerId !== undefined ? { buyerId } : {}),
        });
      });
      if (o.format === 'json') {
        io.out(
          `${JSON.stringify(
            list.map((d) => ({ ...d, amount: dec(d.amount, d.currency) })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      io.out(
        `${renderTable(
          [
            { header: 'Invoice' },
            { header: 'Buyer' },
            { header: 'Amount', align: 'right' },
            { header: 'Delivered' },
            { header: 'Due' },
            { header: 'Days late', align: 'right' },
          ],
          list.map((d) => [
            d.number,
            d.buyerId,
            `${d.currency} ${dec(d.amount, d.currency)}`,
            d.deliveredOn,
            d.dueOn,
            String(d.daysLate),
          ]),
        )}\n`,
      );
    });
}
