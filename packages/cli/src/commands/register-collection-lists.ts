import { collectionsState, money, toDecimalString } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { renderTable } from '../format/table';
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
  const state = (o: { buyer?: string; db?: string }) =>
    withExistingStore(o, io, async (s) => collectionsState((await s.collectionEvents(o.buyer)).map((e) => e.event)));

  list('dispute', 'disputes').action(async (o) => {
    const rows = [...(await state(o)).disputes.values()].filter((d) => !o.open || d.resolution === undefined);
    // The accepted amount is in the credit note's currency.
    const notes = await withExistingStore(o, io, (s) =>
      s.findDocuments(rows.flatMap((d) => (d.resolution?.creditNote ? [d.resolution.creditNote] : []))),
    );
    const currencyOf = new Map(notes.map((n) => [n.number, n.currency as string]));
    const json = rows.map(({ resolution, ...d }) => ({
      ...d,
      ...(resolution
        ? {
            resolution: {
              ...resolution,
              ...(resolution.accepted !== undefined
                ? { accepted: dec(resolution.accepted, currencyOf.get(resolution.creditNote ?? '') ?? 'EUR') }
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
    const rows = [...(await state(o)).promises.values()].filter((p) => !o.open || p.status === 'open');
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
    const rows = [...(await state(o)).plans.values()].filter((p) => !o.open || p.status === 'active');
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
