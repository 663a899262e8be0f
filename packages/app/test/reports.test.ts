import { type BusinessDate, date, parseDecimal } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { ledgerCounts } from '../src/reports/ledger-counts';
import { reportAging } from '../src/reports/report-aging';
import { defaultKpiFrom, reportKpis } from '../src/reports/report-kpis';
import { rankOverdueBuyers } from '../src/reports/top-overdue';
import { buyer, EUR, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

const d = (s: string): BusinessDate => date(s);
let store: MemoryStore;

beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('E1'), buyer('E2'), buyer('U1', USD)]);
  const inv = await importDocuments(
    store,
    source('inv.csv', INVOICE_HEADER, [
      ['A1', 'E1', '2026-01-01', '2026-01-31', '1000.00', 'EUR'], // 150 days overdue on 2026-06-30
      ['A2', 'E1', '2026-05-01', '2026-05-31', '200.00', 'EUR'], // 30 days
      ['A3', 'E2', '2026-06-01', '2026-07-01', '300.00', 'EUR'], // not due
      ['B1', 'U1', '2026-04-01', '2026-05-01', '0.01', 'USD'], // 60 days
      ['B2', 'U1', '2026-04-15', '2026-05-01', '0.01', 'USD'], // 60 days
      ['B3', 'U1', '2026-06-20', '2026-07-20', '0.01', 'USD'], // not due
    ]),
  );
  expect(inv.ok).toBe(true);
  const pay = await importPayments(
    store,
    source('pay.csv', PAYMENT_HEADER, [['P1', 'E1', '2026-06-15', '400.00', 'EUR', 'A1']]),
  );
  expect(pay.ok).toBe(true);
  await store.transact((tx) =>
    tx.insertFxRates([
      {
        date: d('2026-06-01'),
        from: USD,
        to: EUR,
        rate: (parseDecimal('0.9287') as { ok: true; value: { coefficient: bigint; scale: number } }).value,
      },
    ]),
  );
});

describe('reportAging', () => {
  it('ages per currency with every bucket present; a payment after the date is ignored', async () => {
    const before = await reportAging(store, { asOf: d('2026-06-14') });
    const eurBefore = before.ok ? before.value.reports.find((r) => r.currency === EUR) : undefined;
    expect(eurBefore?.total).toBe(150000n);
    const r = await reportAging(store, { asOf: d('2026-06-30') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.labels).toEqual(['not_due', '1-30', '31-60', '61-90', '91-180', '181-365', '365+']);
    const eur = r.value.reports.find((x) => x.currency === EUR);
    expect(eur?.buckets.map((b) => b.amount)).toEqual([30000n, 20000n, 0n, 0n, 60000n, 0n, 0n]);
    expect(eur?.total).toBe(110000n);
    const usd = r.value.reports.find((x) => x.currency === USD);
    expect(usd?.buckets.map((b) => b.count)).toEqual([1, 0, 2, 0, 0, 0, 0]);
  });

  it('per buyer, with custom buckets', async () => {
    const r = await reportAging(store, { asOf: d('2026-06-30'), byBuyer: true, bounds: [30, 90] });
    expect(r.ok && r.value.labels).toEqual(['not_due', '1-30', '31-90', '90+']);
    const e1 = r.ok ? r.value.reports.find((x) => x.buyerId === 'E1') : undefined;
    expect(e1?.buckets.map((b) => b.amount)).toEqual([0n, 20000n, 0n, 60000n]);
    expect(r.ok && r.value.buyerNames).toBeUndefined();
    const named = await reportAging(store, { asOf: d('2026-06-30'), byBuyer: true, withBuyerNames: true });
    expect(named.ok && named.value.buyerNames).toEqual({ E1: 'Buyer E1', E2: 'Buyer E2', U1: 'Buyer U1' });
  });

  it('rejects bucket bounds that do not increase', async () => {
    const r = await reportAging(store, { asOf: d('2026-06-30'), bounds: [60, 30] });
    expect(!r.ok && r.error.code).toBe('invalid_buckets');
  });

  it('converts to a reporting currency so the buckets add up to the total, and agrees with the KPI total', async () => {
    const r = await reportAging(store, { asOf: d('2026-06-30'), reportingCurrency: EUR });
    if (!r.ok || !r.value.reporting) throw new Error('expected a reporting total');
    // USD 0.03 → EUR 0.027861 → 0.03 in total; bucket by bucket 0.01 (not due) + 0.02 (31-60) after the leftover cent.
    expect(r.value.reporting.buckets).toEqual([30001n, 20000n, 2n, 0n, 60000n, 0n, 0n]);
    expect(r.value.reporting.total).toBe(110003n);
    const k = await reportKpis(store, { asOf: d('2026-06-30'), reportingCurrency: EUR });
    expect(k.ok && k.value.reporting?.totalAr).toBe(r.value.reporting.total);
  });

  it('shows a currency that has only cash on account, with empty buckets', async () => {
    await seedBuyers(store, [buyer('G1', 'GBP' as typeof EUR)]);
    const pay = await importPayments(
      store,
      source('gbp.csv', PAYMENT_HEADER, [['PG', 'G1', '2026-06-01', '99.90', 'GBP', '']]),
    );
    expect(pay.ok).toBe(true);
    const r = await reportAging(store, { asOf: d('2026-06-30') });
    if (!r.ok) throw new Error('aging failed');
    const gbp = r.value.reports.find((x) => x.currency === 'GBP');
    expect(gbp?.total).toBe(0n);
    expect(gbp?.buckets).toHaveLength(7);
    expect(r.value.unappliedCash).toContainEqual({ currency: 'GBP', amount: 9990n });
    expect(r.value.reports.map((x) => x.currency)).toEqual(['EUR', 'GBP', 'USD']);
  });

  it('names the missing FX rate', async () => {
    const r = await reportAging(store, { asOf: d('2026-05-31'), reportingCurrency: EUR });
    expect(!r.ok && r.error).toEqual({
      code: 'missing_fx_rate',
      params: { from: 'USD', to: 'EUR', date: '2026-05-31' },
    });
  });
});

describe('reportKpis', () => {
  it('defaults the period to three months and refuses a period that ends before it starts', async () => {
    expect(defaultKpiFrom(d('2026-06-30'))).toBe('2026-04-01');
    expect(defaultKpiFrom(d('2026-06-15'))).toBe('2026-03-16');
    expect(defaultKpiFrom(d('2024-05-31'))).toBe('2024-03-01');
    const bad = await reportKpis(store, { asOf: d('2026-06-30'), from: d('2026-07-01') });
    expect(!bad.ok && bad.error.code).toBe('invalid_argument');
  });

  it('gives figures per currency and payment behaviour per buyer', async () => {
    const r = await reportKpis(store, { asOf: d('2026-06-30'), from: d('2026-04-01') });
    if (!r.ok) throw new Error('kpis failed');
    const eur = r.value.perCurrency.find((k) => k.currency === EUR);
    // Sales in the 91-day period: A2 200 + A3 300 = 500; open 1,100; DSO = 1100/500 × 91 = 200.2.
    expect(eur?.creditSales).toBe(50000n);
    expect(eur?.dso).toBe(200.2);
    // P1 paid 400 of A1 on 2026-06-15: 165 days after issue, 135 beyond terms.
    expect(r.value.behaviour).toEqual([
      {
        buyerId: 'E1',
        currency: EUR,
        settledAmount: 40000n,
        settlements: 1,
        averageDaysToPay: 165,
        weightedDaysBeyondTerms: 135,
      },
    ]);
    expect(r.value.buyerNames).toBeUndefined();
    const named = await reportKpis(store, { asOf: d('2026-06-30'), from: d('2026-04-01'), withBuyerNames: true });
    expect(named.ok && named.value.buyerNames).toEqual({ E1: 'Buyer E1' });
  });
});

describe('rankOverdueBuyers', () => {
  it('ranks buyers by overdue amount in the reporting currency', async () => {
    const r = await rankOverdueBuyers(store, d('2026-06-30'), EUR, 10);
    expect(r.ok && r.value.map((b) => [b.buyerId, b.overdueReporting])).toEqual([
      ['E1', 80000n],
      ['U1', 2n],
    ]);
  });
});

describe('ledgerCounts', () => {
  it('counts buyers, documents, payments and allocations', async () => {
    expect(await ledgerCounts(store)).toEqual({ buyers: 3, documents: 6, payments: 1, allocations: 1 });
  });
});
