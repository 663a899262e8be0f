import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { addOrder, ORDER_ADD_SOURCE } from '../src/credit/add-order';
import { checkOrder } from '../src/credit/check-order';
import { setCreditHold } from '../src/credit/hold-buyer';
import { importDocuments } from '../src/import/import-documents';
import { importOrders } from '../src/import/import-orders';
import { setLimit } from '../src/limits/record-limit';
import { buyer, EUR, INVOICE_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

const policy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };
const asOf = date('2024-03-15');
let store: MemoryStore;

beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1')]);
  await importDocuments(
    store,
    source('i.csv', INVOICE_HEADER, [
      ['A', 'B1', '2024-02-01', '2024-03-02', '1000', 'EUR'], // 13 days overdue on the date
      ['U', 'B1', '2024-03-01', '2024-03-31', '1100', 'USD'],
    ]),
  );
  await importOrders(
    store,
    source(
      'o.csv',
      ['order_id', 'buyer_id', 'order_date', 'amount', 'currency', 'status'],
      [
        ['O1', 'B1', '2024-03-01', '2000', 'EUR', 'open'],
        ['O2', 'B1', '2024-03-02', '500', 'EUR', 'delivered'],
        ['O3', 'B1', '2024-03-03', '900', 'EUR', 'invoiced'],
        ['O4', 'B1', '2024-03-04', '700', 'EUR', 'cancelled'],
        ['O5', 'B1', '2024-04-01', '999', 'EUR', 'open'],
      ],
    ),
  );
  await store.transact((tx) =>
    tx.insertFxRates([{ date: date('2024-01-01'), from: USD, to: EUR, rate: { coefficient: 9n, scale: 1 } }]),
  );
  await setLimit(
    store,
    { buyerId: 'B1', amount: 500_000n, currency: EUR, validFrom: date('2024-01-01'), by: 'chief', reason: 'r' },
    asOf,
  );
});

describe('checkOrder', () => {
  it('adds receivables (converted), open and delivered orders of the date and the order, then decides', async () => {
    const r = await checkOrder(store, policy, { buyerId: 'B1', amount: 100_000n, currency: EUR, asOf });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // Receivables 1,000.00 + 1,100.00 USD × 0.9 = 1,990.00; open 2,000.00; delivered 500.00; order 1,000.00.
    expect(r.value.exposure).toEqual({
      currency: EUR,
      openReceivables: 199_000n,
      openOrders: 200_000n,
      deliveredNotInvoiced: 50_000n,
    });
    expect([r.value.exposureAfter, r.value.decision]).toEqual([549_000n, 'refer']);
    expect(r.value.reasons).toEqual([{ code: 'over_limit', params: { by: '49000', limit: '500000' } }]);
  });

  it('holds a buyer on credit hold until released', async () => {
    await setCreditHold(store, { buyerId: 'B1', hold: true, reason: 'bounced cheque', by: 'chief' }, asOf);
    const held = await checkOrder(store, policy, { buyerId: 'B1', amount: 1n, currency: EUR, asOf });
    expect(held.ok && held.value.decision).toBe('hold');
    expect(await setCreditHold(store, { buyerId: 'B1', hold: true, reason: 'again', by: 'chief' }, asOf)).toMatchObject(
      {
        error: { code: 'not_allowed' },
      },
    );
    await setCreditHold(store, { buyerId: 'B1', hold: false, reason: 'paid', by: 'chief' }, asOf);
    const after = await checkOrder(store, policy, { buyerId: 'B1', amount: 1n, currency: EUR, asOf });
    expect(after.ok && after.value.decision).toBe('approve');
  });

  it('says which FX rate is missing, and which buyer is unknown', async () => {
    const gbp = await checkOrder(store, policy, { buyerId: 'B1', amount: 1n, currency: 'GBP' as never, asOf });
    expect(gbp).toMatchObject({ ok: false, error: { code: 'missing_fx_rate' } });
    expect(await checkOrder(store, policy, { buyerId: 'NOPE', amount: 1n, currency: EUR, asOf })).toMatchObject({
      error: { code: 'not_found' },
    });
  });
});

describe('addOrder', () => {
  it('records one order, updates it when its status moves on, and gives a bad field as a row error', async () => {
    const order = { id: 'O-NEW', buyerId: 'B1', date: '2024-06-01', amount: '100.00', currency: 'EUR', status: 'open' };
    expect(await addOrder(store, order)).toMatchObject({ ok: true, value: { created: 1 } });
    expect(await addOrder(store, order)).toMatchObject({ ok: true, value: { created: 0, unchanged: 1 } });
    expect(await addOrder(store, { ...order, status: 'delivered' })).toMatchObject({
      ok: true,
      value: { updated: 1 },
    });
    const bad = await addOrder(store, { ...order, amount: '12.345' });
    expect(!bad.ok && bad.error.errors.map((e) => [e.file, e.row, e.column])).toEqual([
      [ORDER_ADD_SOURCE, 1, 'amount'],
    ]);
  });
});
