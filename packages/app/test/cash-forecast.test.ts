import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { backtestCashForecast } from '../src/cash-forecast/backtest-cash';
import { cashForecastAccuracy } from '../src/cash-forecast/cash-accuracy';
import { forecastCash, runCashForecast } from '../src/cash-forecast/forecast-cash';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { buyer, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2')]);
  const rows: string[][] = [];
  const pays: string[][] = [];
  // B1: monthly invoices of 1000.00 due on the 28th, each paid 10 days late (history for the baseline).
  for (let m = 1; m <= 11; m++) {
    const mm = String(m).padStart(2, '0');
    rows.push([`A-${m}`, 'B1', `2024-${mm}-01`, `2024-${mm}-28`, '1000.00', 'EUR']);
    if (m <= 9) pays.push([`P-${m}`, 'B1', `2024-${String(m + 1).padStart(2, '0')}-07`, '1000.00', 'EUR', `A-${m}`]);
  }
  // B2: 600.00 overdue, under a promise; 900.00 under a plan of three instalments.
  rows.push(['N-1', 'B2', '2024-08-01', '2024-08-31', '600.00', 'EUR']);
  rows.push(['N-2', 'B2', '2024-09-01', '2024-09-30', '900.00', 'EUR']);
  expect((await importDocuments(store, source('inv.csv', INVOICE_HEADER, rows))).ok).toBe(true);
  expect((await importPayments(store, source('pay.csv', PAYMENT_HEADER, pays))).ok).toBe(true);
  await store.transact((tx) =>
    tx.appendCollectionEvents([
      {
        kind: 'promise_made',
        id: 'PR1',
        buyerId: 'B2',
        date: date('2024-11-01'),
        by: 'test',
        amount: 60000n,
        currency: 'EUR' as never,
        promisedDate: date('2024-11-20'),
        graceDays: 3,
        documents: ['N-1'],
        notes: '',
      },
      {
        kind: 'plan_created',
        id: 'PL1',
        buyerId: 'B2',
        date: date('2024-11-01'),
        by: 'test',
        currency: 'EUR' as never,
        documents: ['N-2'],
        instalments: [
          { date: date('2024-11-15'), amount: 30000n },
          { date: date('2024-12-15'), amount: 30000n },
          { date: date('2025-01-15'), amount: 30000n },
        ],
        graceDays: 5,
        notes: '',
      },
    ]),
  );
});

describe('forecastCash', () => {
  it('13 ISO weeks then 3 months, low ≤ mid ≤ high, promises and plans before predicted dates', async () => {
    const r = await forecastCash(store, { asOf: date('2024-11-06') });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const v = r.value;
    expect(v.periods.filter((p) => p.kind === 'week')).toHaveLength(13);
    expect(v.periods[0]).toMatchObject({ label: '2024-W45', start: '2024-11-04', end: '2024-11-10' });
    expect(v.periods.filter((p) => p.kind === 'month').map((p) => p.label)).toEqual(['2025-02', '2025-03', '2025-04']);
    for (const f of v.figures) {
      expect(f.low <= f.mid && f.mid <= f.high).toBe(true);
      expect(f.mid).toBe(f.sources.promise + f.sources.plan + f.sources.predicted + f.sources.indemnity);
    }
    // The promise (600.00 × 90 %) in the week of 2024-11-20; N-1 has nothing left for a prediction.
    const w = v.periods.findIndex((p) => p.start === '2024-11-18');
    expect(v.figures[w]?.sources.promise).toBe(54000n);
    const plan = v.figures.reduce((s, f) => s + f.sources.plan, 0n);
    expect(plan).toBe(3n * 27000n);
    // B1's open A-10 and A-11 (2000.00): not due / a few days overdue, all predicted.
    const predicted = v.figures.reduce((s, f) => s + f.sources.predicted, 0n) + v.beyond;
    expect(predicted).toBeGreaterThan(180000n);
    expect(predicted).toBeLessThanOrEqual(200000n);
    expect(v.method).toBe('baseline');
  });

  it('by buyer: the groups add up to the totals', async () => {
    const r = await forecastCash(store, { asOf: date('2024-11-06'), by: 'buyer' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.groups?.map((g) => g.key)).toEqual(['B1', 'B2']);
    for (const [i, f] of r.value.figures.entries())
      expect(r.value.groups?.reduce((s, g) => s + (g.figures[i]?.mid ?? 0n), 0n)).toBe(f.mid);
  });

  it('a run is kept, and its past weeks are scored against the payments received', async () => {
    const run = await runCashForecast(store, { asOf: date('2024-11-06') }, 'tester');
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    expect(run.value.stored).toBe(1);
    expect((await store.cashForecastRuns())[0]?.weeks).toHaveLength(13);
    expect(
      (
        await importPayments(
          store,
          source('pay2.csv', PAYMENT_HEADER, [['Q-1', 'B2', '2024-11-20', '600.00', 'EUR', 'N-1']]),
        )
      ).ok,
    ).toBe(true);
    const a = await cashForecastAccuracy(store, { asOf: date('2024-12-02') });
    if (!a.ok) throw new Error(JSON.stringify(a.error));
    expect(a.value.weeks.map((w) => w.label)).toEqual(['2024-W45', '2024-W46', '2024-W47', '2024-W48']);
    const w47 = a.value.weeks[2];
    expect(w47?.actual).toBe(60000n);
    expect(w47?.error).toBe(60000n - (w47?.mid ?? 0n));
  });

  it('backtest: replays weekly as-of dates and scores each week ahead', async () => {
    const b = await backtestCashForecast(store, {
      from: date('2024-05-01'),
      to: date('2024-08-01'),
      until: date('2024-11-06'),
    });
    if (!b.ok) throw new Error(JSON.stringify(b.error));
    expect(b.value.runs).toBe(14);
    expect(b.value.horizons).toHaveLength(13);
    expect(b.value.horizons[0]?.scored).toBe(14);
    expect(b.value.horizons.every((h) => h.actual >= 0n)).toBe(true);
    expect(b.value.wape).not.toBeNull();
  });
});
