import { type BusinessDate, date, parseDecimal } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { agingTrend, monthEndBefore } from '../src/reports/aging-trend';
import { portfolioDocuments } from '../src/reports/portfolio-documents';
import { reportAging } from '../src/reports/report-aging';
import { buyer, EUR, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

const d = (s: string): BusinessDate => date(s);
let store: MemoryStore;

// E1 owes A1 (150 days late) and A2 (30 days) but has 250.00 on account; U1 owes two USD invoices.
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('E1'), buyer('U1', USD)]);
  const inv = await importDocuments(
    store,
    source('inv.csv', INVOICE_HEADER, [
      ['A1', 'E1', '2026-01-01', '2026-01-31', '1000.00', 'EUR'],
      ['A2', 'E1', '2026-05-01', '2026-05-31', '200.00', 'EUR'],
      ['B1', 'U1', '2026-04-01', '2026-05-01', '10.01', 'USD'],
      ['B3', 'U1', '2026-06-20', '2026-07-20', '0.03', 'USD'],
    ]),
  );
  expect(inv.ok).toBe(true);
  const pay = await importPayments(
    store,
    source('pay.csv', PAYMENT_HEADER, [['P1', 'E1', '2026-06-15', '250.00', 'EUR', '']]),
  );
  expect(pay.ok).toBe(true);
  const rate = parseDecimal('0.9287');
  if (!rate.ok) throw new Error('rate');
  await store.transact((tx) => tx.insertFxRates([{ date: d('2026-01-01'), from: USD, to: EUR, rate: rate.value }]));
});

describe('portfolioDocuments', () => {
  it('lists the net items of each bucket, summing to the aging bar in the reporting currency', async () => {
    const asOf = d('2026-06-30');
    const aging = await reportAging(store, { asOf, reportingCurrency: EUR });
    if (!aging.ok || !aging.value.reporting) throw new Error('aging');
    for (const [bucket, bar] of aging.value.reporting.buckets.entries()) {
      const r = await portfolioDocuments(store, { asOf, bucket, reportingCurrency: EUR });
      expect(r.ok && r.value.reporting.amount, `bucket ${bucket}`).toBe(bar);
    }
    const late = await portfolioDocuments(store, { asOf, overdue: true, reportingCurrency: EUR });
    if (!late.ok) throw new Error('documents');
    // The cash on account is set off against A1, the oldest: 1000.00 − 250.00.
    expect(late.value.documents.map((x) => [x.number, x.open, x.daysOverdue])).toEqual([
      ['A1', 750_00n, 150],
      ['B1', 10_01n, 60],
      ['A2', 200_00n, 30],
    ]);
    expect(late.value.sums).toEqual([
      { currency: EUR, amount: 950_00n },
      { currency: USD, amount: 10_01n },
    ]);
    const page = await portfolioDocuments(store, { asOf, reportingCurrency: EUR, offset: 1, limit: 2 });
    expect(page.ok && [page.value.count, page.value.documents.map((x) => x.number)]).toEqual([4, ['B1', 'A2']]);
  });
});

describe('agingTrend', () => {
  it('takes the month-ends before the date, then the date', async () => {
    expect(monthEndBefore(d('2026-03-15'), 1)).toBe('2026-02-28');
    expect(monthEndBefore(d('2026-01-31'), 2)).toBe('2025-11-30');
    const t = await agingTrend(store, { asOf: d('2026-06-20'), months: 3, reportingCurrency: EUR });
    if (!t.ok) throw new Error('trend');
    expect(t.value.points.map((p) => [p.asOf, p.total])).toEqual([
      ['2026-04-30', 1000_00n + 9_30n],
      ['2026-05-31', 1200_00n + 9_30n],
      ['2026-06-20', 950_00n + 9_32n],
    ]);
  });
});
