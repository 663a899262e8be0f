import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { parseMapping } from '../src/import/mapping';
import { buyer, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

const HEADER = [...INVOICE_HEADER, 'type', 'applies_to'];
const docs = (rows: string[][], file = 'docs.csv') => source(file, HEADER, rows);
const inv = (n: string, issue: string, amount: string, buyerId = 'B1', currency = 'EUR') => [
  n,
  buyerId,
  issue,
  issue,
  amount,
  currency,
  'invoice',
  '',
];
const cn = (n: string, issue: string, amount: string, appliesTo: string, buyerId = 'B1', currency = 'EUR') => [
  n,
  buyerId,
  issue,
  issue,
  amount,
  currency,
  'credit_note',
  appliesTo,
];

let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2'), buyer('U1', USD)]);
  const r = await importDocuments(store, docs([inv('INV-1', '2024-01-10', '1000')], 'base.csv'));
  if (!r.ok) throw new Error(JSON.stringify(r.error.errors));
});

const rowsOf = (entryId: string) =>
  store
    .allocations()
    .filter((a) => a.kind === 'credit_note' && a.entryId === entryId)
    .map((a) => [a.documentNumber, a.delta, a.date]);
const pay = async (id: string, day: string, amount: string) => {
  const r = await importPayments(store, source('pay.csv', PAYMENT_HEADER, [[id, 'B1', day, amount, 'EUR', 'INV-1']]));
  if (!r.ok) throw new Error(JSON.stringify(r.error.errors));
};
const errorsOf = async (rows: string[][]) => {
  const r = await importDocuments(store, docs(rows));
  return r.ok ? [] : r.error.errors.map((e) => [e.row, e.column, e.value, e.code, e.params.reason]);
};

describe('credit notes naming the invoice they correct (applies_to)', () => {
  it('are applied to a stored invoice on the credit note date, in the same import', async () => {
    const r = await importDocuments(store, docs([cn('CN-1', '2024-02-01', '300', 'INV-1')]));
    expect(r).toMatchObject({ ok: true, value: { created: 1, allocations: 2 } });
    expect(rowsOf('CN-1')).toEqual([
      ['INV-1', -30000n, '2024-02-01'],
      ['CN-1', 30000n, '2024-02-01'],
    ]);
    expect(store.balance('INV-1', date('2024-01-31'))).toBe(100000n);
    expect(store.balance('INV-1', date('2024-02-01'))).toBe(70000n);
    expect(store.balance('CN-1', date('2024-02-01'))).toBe(0n);
    expect((await store.findDocuments(['CN-1']))[0]?.appliesTo).toBe('INV-1');
  });

  it('apply only what is still open on a partly paid invoice; the rest stays a credit', async () => {
    await pay('P1', '2024-01-20', '800');
    await importDocuments(store, docs([cn('CN-1', '2024-02-01', '300', 'INV-1')]));
    expect(rowsOf('CN-1')).toEqual([
      ['INV-1', -20000n, '2024-02-01'],
      ['CN-1', 20000n, '2024-02-01'],
    ]);
    expect(store.balance('INV-1', date('2024-02-01'))).toBe(0n);
    expect(store.balance('CN-1', date('2024-02-01'))).toBe(-10000n);
  });

  it('leave the whole credit open when the invoice is already paid', async () => {
    await pay('P1', '2024-01-20', '1000');
    const r = await importDocuments(store, docs([cn('CN-1', '2024-02-01', '300', 'INV-1')]));
    expect(r).toMatchObject({ ok: true, value: { created: 1, allocations: 0 } });
    expect(rowsOf('CN-1')).toEqual([]);
    expect(store.balance('CN-1', date('2024-02-01'))).toBe(-30000n);
  });

  it('count applications earlier in the same file, and invoices earlier in the file', async () => {
    const r = await importDocuments(
      store,
      docs([
        cn('CN-1', '2024-02-01', '700', 'INV-1'),
        cn('CN-2', '2024-02-03', '700', 'INV-1'),
        inv('INV-2', '2024-02-05', '50'),
        cn('CN-3', '2024-02-04', '20', 'INV-2'),
      ]),
    );
    expect(r).toMatchObject({ ok: true, value: { created: 4, allocations: 6 } });
    expect(rowsOf('CN-1')).toEqual([
      ['INV-1', -70000n, '2024-02-01'],
      ['CN-1', 70000n, '2024-02-01'],
    ]);
    expect(rowsOf('CN-2')).toEqual([
      ['INV-1', -30000n, '2024-02-03'],
      ['CN-2', 30000n, '2024-02-03'],
    ]);
    expect(store.balance('CN-2', date('2024-12-31'))).toBe(-40000n);
    // CN-3 is dated before INV-2: the application is dated on the invoice's issue date
    expect(rowsOf('CN-3')).toEqual([
      ['INV-2', -2000n, '2024-02-05'],
      ['CN-3', 2000n, '2024-02-05'],
    ]);
  });

  it('change nothing when the same file is imported again', async () => {
    const rows = [
      inv('INV-2', '2024-02-05', '50'),
      cn('CN-1', '2024-02-06', '300', 'INV-1'),
      cn('CN-2', '2024-02-07', '10', 'INV-2'),
    ];
    await importDocuments(store, docs(rows));
    const before = { counts: await store.counts(), allocations: [...store.allocations()] };
    const again = await importDocuments(store, docs(rows));
    expect(again).toMatchObject({ ok: true, value: { created: 0, unchanged: 3, allocations: 0 } });
    expect(await store.counts()).toEqual(before.counts);
    expect(store.allocations()).toEqual(before.allocations);
  });

  it('make applies_to part of the content: the same note naming another invoice is a conflict', async () => {
    await importDocuments(store, docs([inv('INV-2', '2024-02-05', '50'), cn('CN-1', '2024-02-06', '30', 'INV-1')]));
    expect(await errorsOf([cn('CN-1', '2024-02-06', '30', 'INV-2')])).toEqual([
      [2, 'document_number', 'CN-1', 'document_conflict', undefined],
    ]);
    expect(await errorsOf([cn('CN-1', '2024-02-06', '30', '')])).toEqual([
      [2, 'document_number', 'CN-1', 'document_conflict', undefined],
    ]);
  });

  it('reject bad references per row and commit nothing', async () => {
    await importDocuments(
      store,
      docs([inv('INV-U', '2024-01-10', '5', 'U1', 'USD'), cn('CN-0', '2024-01-11', '1', '')]),
    );
    const commits = store.commits;
    const counts = await store.counts();
    expect(
      await errorsOf([
        inv('INV-9', '2024-02-01', '10', 'B1', 'EUR').map((c, i) => (i === 7 ? 'INV-1' : c)),
        cn('CN-1', '2024-02-01', '10', 'NOPE'),
        cn('CN-2', '2024-02-01', '10', 'INV-1', 'B2'),
        cn('CN-3', '2024-02-01', '10', 'INV-1', 'B1', 'USD'),
        cn('CN-4', '2024-02-01', '10', 'CN-0'),
        cn('CN-5', '2024-02-01', '10', 'INV-7'),
        inv('INV-7', '2024-02-01', '10'),
        cn('CN-6', '2024-02-01', '10', 'CN-6'),
      ]),
    ).toEqual([
      [2, 'applies_to', 'INV-1', 'invalid_field', 'only_on_credit_notes'],
      [3, 'applies_to', 'NOPE', 'unknown_document', undefined],
      [4, 'applies_to', 'INV-1', 'invalid_field', 'other_buyer'],
      [5, 'currency', 'USD', 'currency_mismatch', undefined],
      [6, 'applies_to', 'CN-0', 'invalid_field', 'not_an_invoice'],
      [7, 'applies_to', 'INV-7', 'unknown_document', undefined],
      [9, 'applies_to', 'CN-6', 'unknown_document', undefined],
    ]);
    expect(store.commits).toBe(commits);
    expect(await store.counts()).toEqual(counts);
  });

  it('read applies_to through a mapping like any field', async () => {
    const mapping = parseMapping(
      {
        columns: {
          document_number: 'Doc',
          buyer_id: 'Cust',
          issue_date: 'Date',
          due_date: 'Date',
          amount: 'Total',
          type: 'Kind',
          applies_to: 'Corrects',
        },
        translate: { type: { CR: 'credit_note', IN: 'invoice' } },
        defaults: { currency: 'EUR' },
      },
      'invoices',
    );
    if (!mapping.ok) throw new Error(JSON.stringify(mapping.error));
    const header = ['Doc', 'Cust', 'Date', 'Total', 'Kind', 'Corrects'];
    const r = await importDocuments(
      store,
      source('f.csv', header, [
        ['R-1', 'B1', '2024-03-01', '100', 'IN', ''],
        ['R-2', 'B1', '2024-03-02', '40', 'CR', 'R-1'],
        ['R-3', 'B1', '2024-03-02', '40', 'IN', 'R-1'],
      ]),
      mapping.value,
    );
    expect(r.ok ? [] : r.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'Corrects', 'invalid_field'],
    ]);
    const ok = await importDocuments(
      store,
      source('f.csv', header, [
        ['R-1', 'B1', '2024-03-01', '100', 'IN', ''],
        ['R-2', 'B1', '2024-03-02', '40', 'CR', 'R-1'],
      ]),
      mapping.value,
    );
    expect(ok).toMatchObject({ ok: true, value: { allocations: 2 } });
    expect(store.balance('R-1', date('2024-03-02'))).toBe(6000n);
  });

  it('do not count as payments in payment behaviour', async () => {
    await importDocuments(store, docs([cn('CN-1', '2024-02-01', '300', 'INV-1')]));
    expect(await store.behaviourSums(date('2024-01-01'), date('2024-12-31'))).toEqual([]);
    await pay('P1', '2024-02-20', '700');
    expect(await store.behaviourSums(date('2024-01-01'), date('2024-12-31'))).toMatchObject([
      { buyerId: 'B1', settledAmount: 70000n, settlements: 1 },
    ]);
  });
});

describe('a file streamed in parts', () => {
  /** Repeats, conflicts, notes naming invoices of earlier and later rows, an unknown buyer, a self-reference. */
  const files: string[][][] = [
    [
      inv('INV-2', '2024-01-11', '100'),
      inv('INV-3', '2024-01-12', '200', 'B2'),
      cn('CN-1', '2024-01-20', '30', 'INV-2'),
      inv('INV-2', '2024-01-11', '100'),
      cn('CN-2', '2024-01-21', '90', 'INV-2'),
      cn('CN-3', '2024-01-22', '50', 'INV-1'),
      cn('CN-4', '2024-01-23', '10', 'INV-3', 'B2'),
      inv('INV-4', '2024-01-24', '10'),
    ],
    [
      cn('CN-5', '2024-01-20', '30', 'INV-5'),
      inv('INV-5', '2024-01-11', '100'),
      inv('INV-6', '2024-01-11', '100', 'NOBODY'),
      cn('CN-6', '2024-01-20', '30', 'INV-6', 'NOBODY'),
      inv('INV-5', '2024-01-11', '101'),
      cn('CN-7', '2024-01-20', '30', 'CN-7'),
      cn('CN-8', '2024-01-20', '30', 'INV-1', 'B2'),
    ],
  ];

  it('gives the same result, errors and ledger whatever the size of the parts', async () => {
    for (const rows of files) {
      const outcomes: unknown[] = [];
      for (const chunkSize of [20_000, 1, 2, 3]) {
        const s = new MemoryStore();
        await seedBuyers(s, [buyer('B1'), buyer('B2')]);
        await importDocuments(s, docs([inv('INV-1', '2024-01-10', '1000')], 'base.csv'));
        const r = await importDocuments(s, docs(rows), undefined, { chunkSize });
        const again = r.ok ? await importDocuments(s, docs(rows), undefined, { chunkSize }) : r;
        outcomes.push({
          r,
          again,
          counts: await s.counts(),
          open: await s.openInvoices(['B1', 'B2']),
          rows: await s.documentReductions(['INV-1', 'INV-2', 'INV-3', 'INV-5', 'INV-6'], date('2099-12-31')),
        });
      }
      for (const o of outcomes.slice(1)) expect(o).toEqual(outcomes[0]);
    }
  });

  it('applies the notes of a good file across parts, and rejects the bad one with its rows', async () => {
    const [good, bad] = files;
    const r = await importDocuments(store, docs(good ?? []), undefined, { chunkSize: 2 });
    expect(r).toMatchObject({ ok: true, value: { created: 7, unchanged: 1, allocations: 8 } });
    expect((await store.openInvoices(['B1'])).map((o) => [o.number, o.open])).toEqual([
      ['INV-1', 95_000n],
      ['INV-4', 1_000n],
    ]);
    const e = await importDocuments(store, docs(bad ?? []), undefined, { chunkSize: 2 });
    expect(e.ok ? [] : e.error.errors.map((x) => [x.row, x.code])).toEqual([
      [2, 'unknown_document'],
      [4, 'unknown_buyer'],
      [5, 'unknown_buyer'],
      [6, 'document_conflict'],
      [7, 'unknown_document'],
      [8, 'invalid_field'],
    ]);
  });
});
