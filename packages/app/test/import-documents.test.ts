import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/import-documents';
import { parseMapping } from '../src/import/mapping';
import { buyer, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2')]);
});

const good = [
  ['INV-1', 'B1', '2024-01-10', '2024-02-09', '100.50', 'EUR'],
  ['INV-2', 'B2', '2024-01-12', '2024-02-11', '2000', 'eur'],
];

describe('importDocuments', () => {
  it('reads the optional yes/no columns disputed and paperless (issue 17); anything else is a row error', async () => {
    const header = [...INVOICE_HEADER, 'disputed', 'paperless'];
    const rows = [
      ['INV-1', 'B1', '2024-01-10', '2024-02-09', '100.50', 'EUR', 'Yes', 'no'],
      ['INV-2', 'B2', '2024-01-12', '2024-02-11', '2000', 'EUR', '', 'YES'],
    ];
    expect(await importDocuments(store, source('inv.csv', header, rows))).toMatchObject({ ok: true });
    const [a, b] = await store.findDocuments(['INV-1', 'INV-2']);
    expect(a).toMatchObject({ disputed: true, paperless: false });
    expect(b).toMatchObject({ paperless: true });
    expect(b && 'disputed' in b).toBe(false);
    const bad = await importDocuments(
      store,
      source('bad.csv', header, [['INV-3', 'B1', '2024-01-10', '2024-02-09', '1', 'EUR', 'maybe', '']]),
    );
    expect(bad.ok ? [] : bad.error.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'disputed', value: 'maybe', code: 'invalid_field' }),
    ]);
  });

  it('imports invoices, then reports a second import of the same file as unchanged', async () => {
    const first = await importDocuments(store, source('inv.csv', INVOICE_HEADER, good));
    expect(first).toMatchObject({ ok: true, value: { rows: 2, created: 2, unchanged: 0 } });
    const [inv1] = await store.findDocuments(['INV-1']);
    expect(inv1).toMatchObject({ amount: 10050n, currency: 'EUR', type: 'invoice', idempotencyKey: 'document:INV-1' });
    expect(inv1?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const commits = store.commits;
    const again = await importDocuments(store, source('inv.csv', INVOICE_HEADER, good));
    expect(again).toMatchObject({ ok: true, value: { created: 0, unchanged: 2 } });
    expect(store.commits).toBe(commits + 1);
    expect((await store.counts()).documents).toBe(2);
  });

  it('rejects the whole file when one row is bad, with file, row, column, value and code', async () => {
    const rows = [
      ...good,
      ['INV-3', 'B1', '2024-13-01', '2024-02-11', '10', 'EUR'],
      ['INV-4', 'B1', '2024-01-01', '2024-02-11', '10.001', 'EUR'],
      ['INV-5', 'B1', '2024-01-01', '2024-02-11', '10', 'XXX'],
      ['', 'B1', '2024-01-01', '2024-02-11', '10', 'EUR'],
      ['INV-7', 'NOBODY', '2024-01-01', '2024-02-11', '10', 'EUR'],
      ['INV-8', 'B1', '2024-03-01', '2024-02-11', '-5', 'EUR'],
    ];
    const r = await importDocuments(store, source('inv.csv', INVOICE_HEADER, rows));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('import_rejected');
    expect(r.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'issue_date', 'invalid_date'],
      [5, 'amount', 'invalid_amount'],
      [6, 'currency', 'invalid_currency'],
      [7, 'document_number', 'missing_field'],
      [8, 'buyer_id', 'unknown_buyer'],
      [9, 'amount', 'invalid_amount'],
      [9, 'due_date', 'invalid_date'],
    ]);
    expect(r.error.errors[0]).toMatchObject({ file: 'inv.csv', value: '2024-13-01' });
    expect(r.error.errors[1]?.params).toMatchObject({ reason: 'too_many_decimals' });
    expect(r.error.errors[5]?.params).toMatchObject({ reason: 'not_positive' });
    expect(r.error.errors[6]?.params).toMatchObject({ reason: 'due_before_issue' });
    expect((await store.counts()).documents).toBe(0);
  });

  it('reports a document number repeated with other content, in the file and against the store', async () => {
    const inFile = await importDocuments(
      store,
      source('a.csv', INVOICE_HEADER, [...good, ['INV-1', 'B1', '2024-01-10', '2024-02-09', '100.51', 'EUR']]),
    );
    expect(inFile.ok ? [] : inFile.error.errors.map((e) => [e.row, e.code, e.params.firstRow])).toEqual([
      [4, 'document_conflict', 2],
    ]);
    expect((await store.counts()).documents).toBe(0);

    expect((await importDocuments(store, source('a.csv', INVOICE_HEADER, good))).ok).toBe(true);
    const changed = await importDocuments(
      store,
      source('b.csv', INVOICE_HEADER, [
        ['INV-9', 'B1', '2024-01-10', '2024-02-09', '5', 'EUR'],
        ['INV-2', 'B2', '2024-01-12', '2024-02-11', '2000.01', 'EUR'],
      ]),
    );
    expect(changed.ok ? [] : changed.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'document_number', 'document_conflict'],
    ]);
    expect(await store.findDocuments(['INV-9'])).toEqual([]);
  });

  it('counts an identical repeated row as unchanged rather than a conflict', async () => {
    const r = await importDocuments(store, source('a.csv', INVOICE_HEADER, [...good, good[0] ?? []]));
    expect(r).toMatchObject({ ok: true, value: { created: 2, unchanged: 1 } });
  });

  it('imports the optional VAT of an invoice, and refuses one above the amount or negative', async () => {
    const header = [...INVOICE_HEADER, 'vat'];
    const r = await importDocuments(
      store,
      source('vat.csv', header, [
        ['INV-V1', 'B1', '2024-01-10', '2024-02-09', '119.00', 'EUR', '19.00'],
        ['INV-V2', 'B1', '2024-01-10', '2024-02-09', '50.00', 'EUR', ''],
      ]),
    );
    expect(r.ok).toBe(true);
    const [a, b] = await store.findDocuments(['INV-V1', 'INV-V2']);
    expect([a?.vat, b?.vat]).toEqual([1900n, undefined]);
    const bad = await importDocuments(
      store,
      source('vat.csv', header, [
        ['INV-V3', 'B1', '2024-01-10', '2024-02-09', '10.00', 'EUR', '10.01'],
        ['INV-V4', 'B1', '2024-01-10', '2024-02-09', '10.00', 'EUR', '-1.00'],
      ]),
    );
    expect(bad.ok ? [] : bad.error.errors.map((e) => [e.row, e.column, e.code, e.params.reason])).toEqual([
      [2, 'vat', 'invalid_amount', 'vat_above_amount'],
      [3, 'vat', 'invalid_amount', 'negative'],
    ]);
  });

  it('imports credit notes and optional columns', async () => {
    const header = [...INVOICE_HEADER, 'type', 'delivery_date', 'order_ref'];
    const r = await importDocuments(
      store,
      source('cn.csv', header, [
        ['CN-1', 'B1', '2024-01-10', '2024-01-10', '25', 'EUR', 'Credit_Note', '2024-01-09', 'PO 7'],
      ]),
    );
    expect(r.ok).toBe(true);
    const [cn] = await store.findDocuments(['CN-1']);
    expect(cn).toMatchObject({ type: 'credit_note', amount: 2500n, deliveryDate: '2024-01-09', orderRef: 'PO 7' });
    expect(store.balance('CN-1', date('2024-12-31'))).toBe(-2500n);
    const bad = await importDocuments(
      store,
      source('cn.csv', header, [['CN-2', 'B1', '2024-01-10', '2024-01-10', '25', 'EUR', 'refund', '', '']]),
    );
    expect(bad.ok ? null : bad.error.errors[0]).toMatchObject({ row: 2, column: 'type', code: 'invalid_field' });
  });

  it('reports missing required columns on the header row', async () => {
    const r = await importDocuments(store, source('h.csv', ['document_number', 'buyer_id', 'amount'], []));
    expect(r.ok ? [] : r.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'issue_date', 'missing_field'],
      [1, 'due_date', 'missing_field'],
      [1, 'currency', 'missing_field'],
    ]);
  });

  it('a header with none of the canonical columns is one error listing them (a foreign export needs --map)', async () => {
    const r = await importDocuments(store, source('f.csv', ['Rechnungsnr', 'Kunde', 'Betrag'], []));
    expect(r.ok ? [] : r.error.errors).toEqual([
      expect.objectContaining({
        row: 1,
        code: 'missing_field',
        params: expect.objectContaining({
          reason: 'no_known_columns',
          header: 'Rechnungsnr|Kunde|Betrag',
          required: 'document_number|buyer_id|issue_date|due_date|amount|currency',
          optional: 'type|delivery_date|order_ref|applies_to|disputed|paperless|vat',
        }),
      }),
    ]);
  });

  it('keeps at most maxErrors errors but counts them all', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`X${i}`, 'B1', 'bad', '2024-01-01', '1', 'EUR']);
    const r = await importDocuments(store, source('m.csv', INVOICE_HEADER, rows), undefined, { maxErrors: 5 });
    expect(r.ok ? null : [r.error.errors.length, r.error.errorCount]).toEqual([5, 30]);
  });

  it('reads a foreign layout through a mapping: their column names in errors, their date format', async () => {
    const mapping = parseMapping(
      {
        columns: {
          document_number: 'Doc',
          buyer_id: 'Cust',
          issue_date: 'Date',
          due_date: 'Due',
          amount: 'Total',
          order_ref: 'Doc',
        },
        dateFormat: 'DD.MM.YYYY',
        decimalSeparator: ',',
        thousandsSeparator: '.',
        defaults: { currency: 'EUR' },
      },
      'invoices',
    );
    if (!mapping.ok) throw new Error('mapping');
    const header = ['Doc', 'Cust', 'Date', 'Due', 'Total'];
    const r = await importDocuments(
      store,
      source('f.csv', header, [
        ['R-1', 'B1', '07.03.2024', '06.04.2024', '1.234,56'],
        ['R-2', 'B1', '3/7/2024', '06.04.2024', '1'],
      ]),
      mapping.value,
    );
    expect(r.ok ? null : r.error.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, 'Date', '3/7/2024', 'invalid_date'],
    ]);
    const ok = await importDocuments(
      store,
      source('f.csv', header, [['R-1', 'B1', '07.03.2024', '06.04.2024', '1.234,56']]),
      mapping.value,
    );
    expect(ok.ok).toBe(true);
    expect((await store.findDocuments(['R-1']))[0]).toMatchObject({
      issueDate: '2024-03-07',
      amount: 123456n,
      currency: 'EUR',
      orderRef: 'R-1',
    });
  });
});
