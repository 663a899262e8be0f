import { type CurrencyCode, date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyCash } from '../src/entries/apply-cash';
import { buyerNetPosition } from '../src/entries/buyer-net-position';
import { reallocateCash } from '../src/entries/reallocate-cash';
import { recordPayment } from '../src/entries/record-payment';
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
