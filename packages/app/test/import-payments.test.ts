import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { buyer, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2'), buyer('U1', USD)]);
  const r = await importDocuments(
    store,
    source('inv.csv', INVOICE_HEADER, [
      ['A', 'B1', '2024-01-01', '2024-01-31', '100', 'EUR'],
      ['B', 'B1', '2024-01-05', '2024-02-04', '50', 'EUR'],
      ['C', 'B1', '2024-03-01', '2024-03-31', '70', 'EUR'],
      ['D', 'B1', '2024-01-02', '2024-01-20', '10', 'USD'],
      ['E', 'B2', '2024-01-01', '2024-01-31', '40', 'EUR'],
    ]),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error.errors));
});

const payments = (rows: string[][]) => source('pay.csv', PAYMENT_HEADER, rows);
const deltas = (docNumber: string) =>
  store
    .allocations()
    .filter((a) => a.documentNumber === docNumber)
    .map((a) => [a.entryId, a.delta, a.date]);

describe('importPayments', () => {
  it('allocates oldest due first among invoices issued by the payment date, same currency', async () => {
    const r = await importPayments(store, payments([['P1', 'B1', '2024-02-10', '120', 'EUR', '']]));
    expect(r).toMatchObject({ ok: true, value: { created: 1, allocations: 2 } });
    expect(deltas('A')).toEqual([['P1', -10000n, '2024-02-10']]);
    expect(deltas('B')).toEqual([['P1', -2000n, '2024-02-10']]);
    expect(deltas('C')).toEqual([]); // issued after the payment
    expect(deltas('D')).toEqual([]); // other currency
    expect(await store.unappliedCash(date('2024-12-31'))).toEqual([]);
  });

  it('processes payments in (date, id) order whatever the file order, later ones seeing earlier ones', async () => {
    const r = await importPayments(
      store,
      payments([
        ['P2', 'B1', '2024-03-05', '100', 'EUR', ''],
        ['P1', 'B1', '2024-02-01', '90', 'EUR', ''],
      ]),
    );
    expect(r.ok).toBe(true);
    expect(deltas('A')).toEqual([
      ['P1', -9000n, '2024-02-01'],
      ['P2', -1000n, '2024-03-05'],
    ]);
    expect(deltas('B')).toEqual([['P2', -5000n, '2024-03-05']]);
    expect(deltas('C')).toEqual([['P2', -4000n, '2024-03-05']]);
    expect(store.balance('C', date('2024-12-31'))).toBe(3000n);
  });

  it('settles the named document only and keeps the rest as unapplied cash', async () => {
    const r = await importPayments(store, payments([['P1', 'B1', '2024-02-10', '80', 'EUR', 'B']]));
    expect(r).toMatchObject({ ok: true, value: { allocations: 1 } });
    expect(deltas('B')).toEqual([['P1', -5000n, '2024-02-10']]);
    expect(deltas('A')).toEqual([]);
    expect(await store.unappliedCash(date('2024-12-31'))).toEqual([{ buyerId: 'B1', currency: 'EUR', amount: 3000n }]);
  });

  it('keeps cash with nothing to settle unapplied, never lost', async () => {
    await importPayments(store, payments([['P1', 'B2', '2023-12-01', '40', 'EUR', '']]));
    expect(deltas('E')).toEqual([]);
    expect(await store.unappliedCash(date('2023-12-31'))).toEqual([{ buyerId: 'B2', currency: 'EUR', amount: 4000n }]);
  });

  it('is idempotent: the same file again writes nothing and reports unchanged', async () => {
    const file = payments([['P1', 'B1', '2024-02-10', '120', 'EUR', '']]);
    await importPayments(store, file);
    const again = await importPayments(store, payments([['P1', 'B1', '2024-02-10', '120', 'EUR', '']]));
    expect(again).toMatchObject({ ok: true, value: { created: 0, unchanged: 1, allocations: 0 } });
    expect(store.allocations()).toHaveLength(2);
  });

  it.each([1, 3, 20_000])(
    'rejects the file, writing nothing, on unknown buyers or documents, conflicts and mismatches (parts of %i rows)',
    async (chunkSize) => {
      await importPayments(store, payments([['P0', 'B1', '2024-02-10', '1', 'EUR', '']]));
      const before = store.allocations().length;
      const r = await importPayments(
        store,
        payments([
          ['P1', 'B1', '2024-02-10', '10', 'EUR', ''],
          ['P0', 'B1', '2024-02-10', '2', 'EUR', ''],
          ['P2', 'NOBODY', '2024-02-10', '10', 'EUR', ''],
          ['P3', 'B1', '2024-02-10', '10', 'EUR', 'NOPE'],
          ['P4', 'B2', '2024-02-10', '10', 'EUR', 'A'],
          ['P5', 'B1', '2024-02-10', '10', 'EUR', 'D'],
          ['P1', 'B1', '2024-02-11', '10', 'EUR', ''],
          ['P6', 'B1', '2024-02-10', '0', 'EUR', ''],
        ]),
        undefined,
        { chunkSize },
      );
      expect(r.ok ? [] : r.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [3, 'payment_id', 'idempotency_conflict'],
        [4, 'buyer_id', 'unknown_buyer'],
        [5, 'document_number', 'unknown_document'],
        [6, 'document_number', 'invalid_field'],
        [7, 'currency', 'currency_mismatch'],
        [8, 'payment_id', 'idempotency_conflict'],
        [9, 'amount', 'invalid_amount'],
      ]);
      expect(store.allocations()).toHaveLength(before);
      expect(await store.findPayments(['P1'])).toEqual([]);
    },
  );

  it('reads the IBM-like layout: one column feeds two fields, rows without a settled date are skipped', async () => {
    const { parseMapping } = await import('../src/import/mapping');
    const m = parseMapping(
      {
        columns: {
          payment_id: 'invoiceNumber',
          document_number: 'invoiceNumber',
          buyer_id: 'customerID',
          payment_date: 'SettledDate',
          amount: 'InvoiceAmount',
        },
        dateFormat: 'M/D/YYYY',
        defaults: { currency: 'EUR' },
        skipIf: { payment_date: 'empty' },
      },
      'payments',
    );
    if (!m.ok) throw new Error('mapping');
    const header = ['customerID', 'invoiceNumber', 'SettledDate', 'InvoiceAmount'];
    const r = await importPayments(
      store,
      source('ibm.csv', header, [
        ['B1', 'B', '2/3/2024', '50'],
        ['B1', 'A', '', '100'],
      ]),
      m.value,
    );
    expect(r).toMatchObject({ ok: true, value: { rows: 2, skipped: 1, created: 1 } });
    expect(deltas('B')).toEqual([['B', -5000n, '2024-02-03']]);
  });
});
