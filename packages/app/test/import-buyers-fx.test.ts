import { describe, expect, it } from 'vitest';
import { importBuyers } from '../src/import/import-buyers';
import { importFxRates } from '../src/import/import-fx-rates';
import { importRows } from '../src/import/import-rows';
import { source } from './fixtures';
import { MemoryStore } from './memory-store';

const HEADER = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'email', 'group_id'];

describe('importBuyers', () => {
  it('creates, then updates changed buyers and leaves the others unchanged', async () => {
    const store = new MemoryStore();
    const first = await importBuyers(
      store,
      source('b.csv', HEADER, [
        ['B1', 'Acme GmbH', 'de', 'EUR', '30', 'ap@acme.de', ''],
        ['B2', 'Bolt SA', 'FRA', 'eur', '45', '', 'G1'],
      ]),
    );
    expect(first).toMatchObject({ ok: true, value: { created: 2, updated: 0, unchanged: 0 } });
    expect(await store.getBuyer('B1')).toEqual({
      id: 'B1',
      name: 'Acme GmbH',
      country: 'DE',
      currency: 'EUR',
      paymentTermsDays: 30,
      email: 'ap@acme.de',
    });
    const second = await importBuyers(
      store,
      source('b.csv', HEADER, [
        ['B1', 'Acme GmbH', 'DE', 'EUR', '60', 'ap@acme.de', ''],
        ['B2', 'Bolt SA', 'FRA', 'EUR', '45', '', 'G1'],
        ['B3', 'Crane Ltd', 'GB', 'GBP', '0', '', ''],
      ]),
    );
    expect(second).toMatchObject({ ok: true, value: { created: 1, updated: 1, unchanged: 1 } });
    expect((await store.getBuyer('B1'))?.paymentTermsDays).toBe(60);
  });

  it('rejects bad countries, currencies, terms and e-mails and writes nothing', async () => {
    const store = new MemoryStore();
    const r = await importBuyers(
      store,
      source('b.csv', HEADER, [
        ['B1', 'Acme', 'Germany', 'EUR', '30', '', ''],
        ['B2', 'Bolt', 'FR', 'EURO', '30', '', ''],
        ['B3', 'Crane', 'GB', 'GBP', '30 days', '', ''],
        ['B4', 'Dune', 'GB', 'GBP', '30', 'not-an-email', ''],
        ['B5', '', 'GB', 'GBP', '30', '', ''],
        ['B6', 'Eos', 'GB', 'GBP', '30', '', ''],
        ['B6', 'Eos plc', 'GB', 'GBP', '30', '', ''],
      ]),
    );
    expect(r.ok ? [] : r.error.errors.map((e) => [e.row, e.column, e.code, e.params.reason ?? ''])).toEqual([
      [2, 'country', 'invalid_field', 'not_a_country_code'],
      [3, 'currency', 'invalid_currency', ''],
      [4, 'payment_terms_days', 'invalid_field', 'not_days'],
      [5, 'email', 'invalid_field', 'email'],
      [6, 'name', 'missing_field', ''],
      [8, 'buyer_id', 'idempotency_conflict', ''],
    ]);
    expect(await store.listBuyers()).toEqual([]);
  });
});

describe('importBuyers: letters and interest terms', () => {
  const TERMS = [
    'buyer_id',
    'name',
    'country',
    'currency',
    'payment_terms_days',
    'address',
    'interest_regime',
    'interest_rate',
  ];
  it('keeps the address and the interest terms, and rejects unknown regimes, bad rates and a contract without one', async () => {
    const store = new MemoryStore();
    const ok = await importBuyers(
      store,
      source('b.csv', TERMS, [['B1', 'Acme', 'DE', 'EUR', '30', 'Hafenstr. 1 | 20457 Hamburg', 'contract', '9%/year']]),
    );
    expect(ok.ok).toBe(true);
    expect(await store.getBuyer('B1')).toMatchObject({
      address: 'Hafenstr. 1 | 20457 Hamburg',
      interestRegime: 'contract',
      interestRate: '9%/year',
    });
    const bad = await importBuyers(
      store,
      source('b.csv', TERMS, [
        ['B2', 'Bolt', 'FR', 'EUR', '30', '', 'french', ''],
        ['B3', 'Crane', 'GB', 'GBP', '30', '', 'contract', '9 percent'],
        ['B4', 'Dune', 'GB', 'GBP', '30', '', 'contract', ''],
        ['B5', 'Eos', 'FR', 'EUR', '30', '', 'fr', '5%/year'],
      ]),
    );
    expect(bad.ok ? [] : bad.error.errors.map((e) => [e.row, e.column, e.code, e.params.reason ?? ''])).toEqual([
      [2, 'interest_regime', 'invalid_field', 'not_one_of'],
      [3, 'interest_rate', 'invalid_rate', 'rate_format'],
      [4, 'interest_rate', 'missing_field', ''],
      [5, 'interest_rate', 'invalid_field', 'rate_only_with_contract'],
    ]);
  });
});

describe('importFxRates', () => {
  const FX = ['date', 'from_currency', 'to_currency', 'rate'];
  it('imports rates exactly, treats 1.10 and 1.1 as the same rate, reports other values as conflicts', async () => {
    const store = new MemoryStore();
    const r = await importFxRates(store, source('fx.csv', FX, [['2024-01-01', 'USD', 'EUR', '0.912345678901']]));
    expect(r).toMatchObject({ ok: true, value: { created: 1 } });
    expect((await store.fxRates())[0]?.rate).toEqual({ coefficient: 912345678901n, scale: 12 });
    const same = await importFxRates(store, source('fx.csv', FX, [['2024-01-01', 'USD', 'EUR', '0.9123456789010']]));
    expect(same).toMatchObject({ ok: true, value: { created: 0, unchanged: 1 } });
    const other = await importFxRates(store, source('fx.csv', FX, [['2024-01-01', 'USD', 'EUR', '0.95']]));
    expect(other.ok ? null : other.error.errors[0]).toMatchObject({ row: 2, code: 'idempotency_conflict' });
  });

  it('rejects non-positive rates and same-currency pairs', async () => {
    const store = new MemoryStore();
    const r = await importFxRates(
      store,
      source('fx.csv', FX, [
        ['2024-01-01', 'USD', 'EUR', '0'],
        ['2024-01-01', 'EUR', 'EUR', '1'],
        ['2024-01-01', 'USD', 'EUR', '1e3'],
      ]),
    );
    expect(r.ok ? [] : r.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'rate', 'invalid_rate'],
      [3, 'to_currency', 'invalid_rate'],
      [4, 'rate', 'invalid_amount'],
    ]);
    expect(await store.fxRates()).toEqual([]);
  });
});

describe('importRows', () => {
  it('imports a file by its kind, with the same summary or row errors as the importer of that kind', async () => {
    const store = new MemoryStore();
    const buyers = source('b.csv', HEADER, [['B1', 'Acme GmbH', 'DE', 'EUR', '30', '', '']]);
    expect(await importRows(store, 'buyers', buyers, undefined)).toMatchObject({
      ok: true,
      value: { kind: 'buyers', created: 1 },
    });
    const invoices = source(
      'i.csv',
      ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'],
      [['I1', 'NOPE', '2024-01-01', '2024-01-31', '10', 'EUR']],
    );
    const bad = await importRows(store, 'invoices', invoices, undefined, { maxErrors: 5 });
    expect(!bad.ok && bad.error.errors.map((e) => [e.row, e.code])).toEqual([[2, 'unknown_buyer']]);
  });
});
