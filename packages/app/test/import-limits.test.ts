import { describe, expect, it } from 'vitest';
import { importBuyers } from '../src/import/import-buyers';
import { importDocuments } from '../src/import/import-documents';
import { importOrders } from '../src/import/import-orders';
import { importPayments } from '../src/import/import-payments';
import { buyer, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

const BUYERS = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'email', 'address', 'group_id'];
const row = (id: string, over: Partial<Record<(typeof BUYERS)[number], string>> = {}) =>
  BUYERS.map(
    (c) =>
      over[c] ??
      { buyer_id: id, name: `Buyer ${id}`, country: 'DE', currency: 'EUR', payment_terms_days: '30' }[c] ??
      '',
  );

const errorsOf = (r: {
  ok: boolean;
  error?: {
    errors: readonly { row: number; column: string; code: string; params: Readonly<Record<string, string | number>> }[];
  };
}) =>
  r.ok ? [] : (r.error?.errors ?? []).map((e) => [e.row, e.column, e.code, e.params.reason ?? '', e.params.max ?? '']);

describe('identifiers on import', () => {
  it('rejects a buyer id that is a path with a row error, and imports nothing', async () => {
    const store = new MemoryStore();
    const r = await importBuyers(store, source('b.csv', BUYERS, [row('B1'), row('../../x'), row('..'), row('a\\b')]));
    expect(errorsOf(r)).toEqual([
      [3, 'buyer_id', 'invalid_field', 'path_separator', ''],
      [4, 'buyer_id', 'invalid_field', 'dot_name', ''],
      [5, 'buyer_id', 'invalid_field', 'path_separator', ''],
    ]);
    expect(await store.listBuyers()).toEqual([]);
  });

  it('bounds ids to 64 characters and refuses control characters in them', async () => {
    const store = new MemoryStore();
    const r = await importBuyers(
      store,
      source('b.csv', BUYERS, [
        row('x'.repeat(64)),
        row('x'.repeat(65)),
        row('B\u0007', { name: 'Bell' }),
        row('B2', { group_id: 'G/1' }),
      ]),
    );
    expect(errorsOf(r)).toEqual([
      [3, 'buyer_id', 'invalid_field', 'too_long', 64],
      [4, 'buyer_id', 'invalid_field', 'unprintable', ''],
      [5, 'group_id', 'invalid_field', 'path_separator', ''],
    ]);
  });

  it('checks document numbers, payment ids and order ids the same way', async () => {
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1')]);
    const docs = await importDocuments(
      store,
      source('i.csv', INVOICE_HEADER, [
        ['../INV-1', 'B1', '2026-01-01', '2026-01-31', '10.00', 'EUR'],
        ['INV-2', 'B1', '2026-01-01', '2026-01-31', '10.00', 'EUR'],
      ]),
    );
    expect(errorsOf(docs)).toEqual([[2, 'document_number', 'invalid_field', 'path_separator', '']]);
    const pays = await importPayments(
      store,
      source('p.csv', PAYMENT_HEADER, [['P/1', 'B1', '2026-01-05', '10.00', 'EUR', '']]),
    );
    expect(errorsOf(pays)).toEqual([[2, 'payment_id', 'invalid_field', 'path_separator', '']]);
    const orders = await importOrders(
      store,
      source(
        'o.csv',
        ['order_id', 'buyer_id', 'order_date', 'amount', 'currency'],
        [['.', 'B1', '2026-01-05', '1', 'EUR']],
      ),
    );
    expect(errorsOf(orders)).toEqual([[2, 'order_id', 'invalid_field', 'dot_name', '']]);
  });
});

describe('text lengths on import', () => {
  it('rejects a 100,000-character name with a row error that does not repeat the whole value', async () => {
    const store = new MemoryStore();
    const r = await importBuyers(store, source('b.csv', BUYERS, [row('B1', { name: 'N'.repeat(100_000) })]));
    expect(errorsOf(r)).toEqual([[2, 'name', 'invalid_field', 'too_long', 200]]);
    expect(r.ok ? 0 : r.error.errors[0]?.value.length).toBeLessThanOrEqual(100);
    expect(await store.listBuyers()).toEqual([]);
  });

  it('bounds e-mail addresses, address lines and names at their limits', async () => {
    const store = new MemoryStore();
    const line = 'x'.repeat(500);
    const r = await importBuyers(
      store,
      source('b.csv', BUYERS, [
        row('B1', { name: 'n'.repeat(200), email: `${'a'.repeat(64)}@buyer.example`, address: `${line} | ${line}` }),
        row('B2', { name: 'n'.repeat(201) }),
        row('B3', { address: `${line}x | Hamburg` }),
        row('B4', { email: `a@${'b'.repeat(250)}.example` }),
        row('B5', { email: 'a@b.example, c@d.example' }),
        row('B6', { name: 'Acme\u0000GmbH' }),
      ]),
    );
    expect(errorsOf(r)).toEqual([
      [3, 'name', 'invalid_field', 'too_long', 200],
      [4, 'address', 'invalid_field', 'too_long', 500],
      [5, 'email', 'invalid_field', 'too_long', 254],
      [6, 'email', 'invalid_field', 'email', ''],
      [7, 'name', 'invalid_field', 'unprintable', ''],
    ]);
  });
});
