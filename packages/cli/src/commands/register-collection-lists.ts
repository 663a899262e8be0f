import { listDisputes, listPlans, listPromises } from '@credence/app';
import { money, renderTable, toDecimalString } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { asFormat } from '../options';

const dec = (a: bigint, c: string) => toDecimalString(money(a, c as never));
const amount = (a: bigint, c: string) => `${dec(a, c)} ${c}`;
const show = (format: string, json: unknown, table: () => string) =>
  format === 'json' ? JSON.stringify(json, null, 2) : table();

/** `dispute list`, `promise list`, `plan list`: the current state folded from the collection events. */
export function registerCollectionLists(program: Command, io: Io): void {
  const find = (name: string) => program.commands.find((c) => c.name() === name) as Command;
  const list = (parent: string, what: string) =>
    find(parent)
      .command('list')
      .description(`${what}, with their state`)
      .option('--buyer <id>', 'only this buyer')
      .option('--open', 'only the open (active) ones')
      .option('--format <format>', 'table or json', asFormat, 'table')
      .option('--db <dir>', 'embedded database directory (default ./data/credence)');
  const query = (o: { buyer?: string; open?: boolean }) => ({
    ...(o.buyer !== undefined ? { buyerId: o.buyer } : {}),
    openOnly: Boolean(o.open),
  });

  list('dispute', 'disputes').action(async (o) => {
    const rows = await withExistingStore(o, io, (s) => listDisputes(s, query(o)));
    // The accepted amount is in the credit note's currency.
    const json = rows.map(({ resolution, acceptedCurrency, ...d }) => ({
      ...d,
      ...(resolution
        ? {
            resolution: {
              ...resolution,
              ...(resolution.accepted !== undefined
                ? { accepted: dec(resolution.accepted, acceptedCurrency ?? 'EUR') }
                : {}),
            },
          }
        : {}),
    }));
    io.out(
      show(o.format, json, () =>
        renderTable(
          [
            { header: 'id' },
            { header: 'buyer' },
            { header: 'opened' },
            { header: 'documents' },
            { header: 'reason' },
            { header: 'owner' },
            { header: 'state' },
          ],
          rows.map((d) => [
            d.id,
            d.buyerId,
            d.date,
            d.documents.join(', '),
            d.reason,
            d.owner,
            d.resolution ? `${d.resolution.outcome} ${d.resolution.date}` : 'open',
          ]),
        ),
      ),
    );
  });
  list('promise', 'promises to pay').action(async (o) => {
    const rows = await withExistingStore(o, io, (s) => listPromises(s, query(o)));
    io.out(
      show(
        o.format,
        rows.map((p) => ({ ...p, amount: dec(p.amount, p.currency) })),
        () =>
          renderTable(
            [
              { header: 'id' },
              { header: 'buyer' },
              { header: 'made' },
              { header: 'amount', align: 'right' },
              { header: 'by date' },
              { header: 'documents' },
              { header: 'state' },
            ],
            rows.map((p) => [
              p.id,
              p.buyerId,
              p.date,
              amount(p.amount, p.currency),
              p.promisedDate,
              p.documents.join(', ') || 'all',
              p.settledOn ? `${p.status} ${p.settledOn}` : p.status,
            ]),
          ),
      ),
    );
  });
  list('plan', 'payment plans').action(async (o) => {
    const rows = await withExistingStore(o, io, (s) => listPlans(s, query(o)));
    const json = rows.map((p) => ({
      ...p,
      instalments: p.instalments.map((i) => ({ ...i, amount: dec(i.amount, p.currency) })),
    }));
    io.out(
      show(o.format, json, () =>
        renderTable(
          [
            { header: 'id' },
            { header: 'buyer' },
            { header: 'agreed' },
            { header: 'documents' },
            { header: 'instalments' },
            { header: 'state' },
          ],
          rows.map((p) => [
            p.id,
            p.buyerId,
            p.date,
            p.documents.join(', '),
            p.instalments.map((i) => `${i.date} ${amount(i.amount, p.currency)}`).join('; '),
            p.endedOn ? `${p.status} ${p.endedOn}` : p.status,
          ]),
        ),
      ),
    );
  });
}
