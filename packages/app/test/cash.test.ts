import { type CurrencyCode, date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyCash } from '../src/entries/apply-cash';
import { applyCashDecimal } from '../src/entries/apply-cash-decimal';
import { buyerNetPosition } from '../src/entries/buyer-net-position';
import { reallocateCash } from '../src/entries/reallocate-cash';
import { reallocateCashDecimal } from '../src/entries/reallocate-cash-decimal';
import { recordPayment } from '../src/entries/record-payment';
import { writeOffDecimal } from '../src/entries/write-off-decimal';
import { importDocuments } from '../src/import/import-documents';
import { reportAging } from '../src/reports/report-aging';
import { buyer, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

// The net position and the cash applications on the in-memory store (the reference the SQL store is held to).
const EUR = 'EUR' as CurrencyCode;
let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1')]);
  await importDocuments(
    store,
    source('inv.csv', INVOICE_HEADER, [
      ['A', 'B1', '2024-01-01', '2024-01-31', '100', 'EUR'],
      ['B', 'B1', '2024-01-05', '2024-02-04', '50', 'EUR'],
    ]),
  );
  // Names A and pays 160: A settled, 60 unapplied while B (50) is open.
  await recordPayment(store, {
    id: 'P1',
    buyerId: 'B1',
    date: date('2024-02-10'),
    amount: 160_00n,
    currency: EUR,
    documentNumber: 'A',
  });
});

describe('net position', () => {
  it('the unapplied cash covers B; the rest is a credit balance, not negative aging', async () => {
    const asOf = date('2024-06-30');
    const net = await buyerNetPosition(store, 'B1', asOf);
    expect(net.items).toEqual([]);
    expect(net.creditBalance).toEqual([{ currency: EUR, amount: 10_00n }]);
    expect(net.payments.map((p) => [p.id, p.unapplied])).toEqual([['P1', 60_00n]]);
    const aging = await reportAging(store, { asOf });
    expect(aging.ok && aging.value.reports.map((r) => [r.currency, r.total, r.count])).toEqual([[EUR, 0n, 0]]);
    expect(aging.ok && aging.value.creditBalance).toEqual([{ currency: EUR, amount: 10_00n }]);
  });
});

describe('applyCash and reallocateCash', () => {
  it('apply writes one dated row under the payment; reallocate two opposite rows; both are idempotent', async () => {
    const a = await applyCash(store, {
      id: 'X1',
      paymentId: 'P1',
      documentNumber: 'B',
      date: date('2024-03-01'),
      by: 'ann',
    });
    expect(a.ok && a.value.figures.unapplied).toEqual({ before: 60_00n, after: 10_00n });
    const r = await reallocateCash(store, {
      id: 'X2',
      paymentId: 'P1',
      from: 'A',
      to: 'B',
      amount: 1n,
      date: date('2024-03-02'),
      by: 'ann',
    });
    expect(!r.ok && r.error.params.reason).toBe('above_open');
    const rows = store.allocations().filter((x) => x.entryId === 'P1');
    expect(rows.map((x) => [x.documentNumber, x.date, x.delta])).toEqual([
      ['A', '2024-02-10', -100_00n],
      ['B', '2024-03-01', -50_00n],
    ]);
    const again = await applyCash(store, {
      id: 'X1',
      paymentId: 'P1',
      documentNumber: 'B',
      date: date('2024-03-01'),
      by: 'ann',
    });
    expect(again.ok && again.value.created).toBe(false);
    expect(store.allocations().filter((x) => x.entryId === 'P1')).toHaveLength(2);
  });
});

describe('applyCashDecimal, reallocateCashDecimal and writeOffDecimal (amounts as decimals)', () => {
  it('parse the amount in the payment currency, default the id, and give failures in decimals', async () => {
    const day = date('2024-03-01');
    const x = { paymentId: 'P1', documentNumber: 'B', date: day, by: 'ann' };
    expect(await applyCashDecimal(store, { ...x, amount: '0' })).toMatchObject({
      error: { code: 'invalid_amount', params: { reason: 'not_positive', value: '0' } },
    });
    expect((await applyCashDecimal(store, { ...x, amount: '12.345' })).ok).toBe(false);
    expect(await applyCashDecimal(store, { ...x, paymentId: 'NOPE', amount: '1' })).toMatchObject({
      error: { code: 'not_found', params: { what: 'payment', id: 'NOPE' } },
    });
    expect(await applyCashDecimal(store, { ...x, amount: '70' })).toMatchObject({
      error: { code: 'invalid_amount', params: { reason: 'above_unapplied', value: '70.00', unapplied: '60.00' } },
    });
    const a = await applyCashDecimal(store, { ...x, amount: '20.50' });
    expect(a.ok && [a.value.application.id, a.value.application.amount]).toEqual(['P1:B:2024-03-01:2050', 20_50n]);
    const r = await reallocateCashDecimal(store, { paymentId: 'P1', from: 'B', to: 'A', date: day, by: 'ann' });
    expect(r).toMatchObject({ ok: false, error: { params: { reason: 'above_open' } } });
    const back = await reallocateCashDecimal(store, {
      paymentId: 'P1',
      from: 'A',
      to: 'B',
      amount: '5',
      date: day,
      by: 'ann',
    });
    expect(back.ok && back.value.application.id).toBe('P1:A>B:2024-03-01:500');
  });

  it('writeOffDecimal writes off a decimal of the invoice; too much gives the open balance as a decimal', async () => {
    const w = { id: 'W1', documentNumber: 'B', date: date('2024-03-01'), reason: 'small balance' };
    expect(await writeOffDecimal(store, { ...w, amount: '60' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_amount', params: { reason: 'not_within_open', open: '50.00', value: '6000' } },
    });
    const done = await writeOffDecimal(store, { ...w, amount: '12.50' });
    expect(done).toMatchObject({ ok: true, value: { created: true, currency: EUR, writeOff: { amount: 12_50n } } });
    expect(await writeOffDecimal(store, { ...w, id: 'W2', documentNumber: 'NOPE' })).toMatchObject({
      error: { code: 'unknown_document' },
    });
  });
});
