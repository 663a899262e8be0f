import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buyerDetail } from '../src/buyers/buyer-detail';
import { buyerFinancials } from '../src/buyers/buyer-financials';
import { listBuyers } from '../src/buyers/list-buyers';
import { recordPayment } from '../src/entries/record-payment';
import { importDocuments } from '../src/import/import-documents';
import { importStatements } from '../src/import/import-statements';
import { buyer, EUR, INVOICE_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

let store: MemoryStore;
const asOf = date('2024-06-30');
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B2', USD), buyer('B1')]);
  await importDocuments(
    store,
    source('inv.csv', INVOICE_HEADER, [
      ['C', 'B1', '2024-06-15', '2024-07-15', '80', 'EUR'],
      ['A', 'B1', '2024-01-01', '2024-01-31', '100', 'EUR'],
      ['B', 'B1', '2024-01-05', '2024-02-04', '50', 'EUR'],
    ]),
  );
  // Names A and pays 110: A settled, 10 unapplied, set off against B (the oldest open invoice).
  await recordPayment(store, {
    id: 'P1',
    buyerId: 'B1',
    date: date('2024-02-10'),
    amount: 110_00n,
    currency: EUR,
    documentNumber: 'A',
  });
});

describe('listBuyers', () => {
  it('lists every buyer by id', async () => {
    expect((await listBuyers(store)).map((b) => b.id)).toEqual(['B1', 'B2']);
  });
});

describe('buyerDetail', () => {
  it('gives the open items by due date with what is owed after set-off, the totals and the unapplied cash', async () => {
    const r = await buyerDetail(store, { buyerId: 'B1', asOf });
    if (!r.ok) throw new Error(r.error.code);
    const d = r.value;
    expect(d.buyer.id).toBe('B1');
    expect(d.asOf).toBe(asOf);
    expect(d.openItems.map((i) => [i.number, i.open, i.owed, i.daysOverdue])).toEqual([
      ['B', 50_00n, 40_00n, 147],
      ['C', 80_00n, 80_00n, 0],
    ]);
    expect(d.openTotals).toEqual([{ currency: EUR, amount: 130_00n }]);
    expect(d.owedTotals).toEqual([{ currency: EUR, amount: 120_00n }]);
    expect(d.unappliedCash).toEqual([
      { id: 'P1', date: date('2024-02-10'), currency: EUR, amount: 110_00n, unapplied: 10_00n },
    ]);
    expect(d.creditBalance).toEqual([]);
    expect(d.behaviour.map((w) => w.months)).toEqual([3, 6, 12]);
    // No grading context, no statements: no grade, PD or ratios.
    expect(d.grade).toBeUndefined();
    expect(d.pd).toBeUndefined();
    expect(d.financials).toBeUndefined();
  });

  it('an invoice the credits cover entirely is owed nothing and not overdue', async () => {
    // 40 more, allocated to B (oldest due): B keeps 10 open, which the unapplied 10 covers.
    await recordPayment(store, { id: 'P2', buyerId: 'B1', date: date('2024-03-01'), amount: 40_00n, currency: EUR });
    const r = await buyerDetail(store, { buyerId: 'B1', asOf });
    expect(r.ok && r.value.openItems.map((i) => [i.number, i.open, i.owed, i.daysOverdue])).toEqual([
      ['B', 10_00n, 0n, 0],
      ['C', 80_00n, 80_00n, 0],
    ]);
    expect(r.ok && r.value.owedTotals).toEqual([{ currency: EUR, amount: 80_00n }]);
  });

  it('an unknown buyer is not found', async () => {
    expect(await buyerDetail(store, { buyerId: 'NOPE', asOf })).toEqual({
      ok: false,
      error: { code: 'not_found', params: { what: 'buyer', id: 'NOPE' } },
    });
  });
});

describe('buyerFinancials', () => {
  it('gives the ratios of the latest statement ended by the date, growth against the year before', async () => {
    const header = [
      'buyer_id',
      'fiscal_year',
      'period_end',
      'currency',
      'current_assets',
      'short_term_liabilities',
      'sales',
    ];
    const r = await importStatements(
      store,
      source('fs.csv', header, [
        ['B1', '2023', '2023-12-31', 'EUR', '800', '400', '1000'],
        ['B1', '2024', '2024-12-31', 'EUR', '900', '600', '1200'],
      ]),
    );
    expect(r.ok).toBe(true);
    expect(await buyerFinancials(store, 'B1', date('2023-12-30'))).toBeUndefined();
    const mid = await buyerFinancials(store, 'B1', asOf);
    expect(mid).toMatchObject({ fiscalYear: 2023, periodEnd: '2023-12-31', currency: EUR });
    expect(mid?.ratios.currentRatio).toEqual({ ok: true, value: 2 });
    expect(mid?.ratios.salesGrowth).toMatchObject({ ok: false, reason: 'no_prior_year' });
    const late = await buyerFinancials(store, 'B1', date('2025-06-30'));
    expect(late?.ratios.currentRatio).toEqual({ ok: true, value: 1.5 });
    const growth = late?.ratios.salesGrowth;
    expect(growth?.ok && growth.value).toBeCloseTo(0.2, 12);
    expect(late?.ratios.workingCapital).toEqual({ ok: true, value: 300_00 });
    const detail = await buyerDetail(store, { buyerId: 'B1', asOf: date('2025-06-30') });
    expect(detail.ok && detail.value.financials?.fiscalYear).toBe(2024);
  });
});
