import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, date, daysBetween } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { computeKpis, countbackDso, type KpiInputs, monthWindows } from './kpis';

const EUR = 'EUR' as CurrencyCode;

const inputs = (over: Partial<KpiInputs> = {}): KpiInputs => ({
  currency: EUR,
  from: date('2024-01-01'),
  asOf: date('2024-03-31'),
  totalAr: 0n,
  currentAr: 0n,
  beginningAr: 0n,
  creditSales: 0n,
  monthlySales: [],
  ...over,
});

describe('monthWindows', () => {
  it('month-long windows back from asOf, clamped at month ends', () => {
    expect(monthWindows(date('2024-03-31'), 3)).toEqual([
      { from: '2024-03-01', to: '2024-03-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-01-01', to: '2024-01-31' },
    ]);
    expect(monthWindows(date('2024-03-15'), 2)).toEqual([
      { from: '2024-02-16', to: '2024-03-15' },
      { from: '2024-01-16', to: '2024-02-15' },
    ]);
  });

  it('on the last day of a short month the windows are the calendar months', () => {
    expect(monthWindows(date('2026-06-30'), 3)).toEqual([
      { from: '2026-06-01', to: '2026-06-30' },
      { from: '2026-05-01', to: '2026-05-31' },
      { from: '2026-04-01', to: '2026-04-30' },
    ]);
    expect(monthWindows(date('2025-02-28'), 2)).toEqual([
      { from: '2025-02-01', to: '2025-02-28' },
      { from: '2025-01-01', to: '2025-01-31' },
    ]);
  });

  it('windows are contiguous, non-overlapping and about a month long', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (n) => {
        const asOf = addDays(date('1990-01-01'), n);
        const ws = monthWindows(asOf, 24);
        expect(ws[0]?.to).toBe(asOf);
        ws.forEach((w, k) => {
          const len = daysBetween(w.from, w.to) + 1;
          expect(len).toBeGreaterThanOrEqual(28);
          expect(len).toBeLessThanOrEqual(31);
          const next = ws[k + 1];
          if (next) expect(addDays(next.to, 1)).toBe(w.from);
        });
      }),
    );
  });
});

describe('countbackDso', () => {
  const months = monthWindows(date('2024-03-31'), 4); // 31, 29, 31, 31 days
  const withSales = (...sales: bigint[]) => months.map((w, i) => ({ ...w, sales: sales[i] ?? 0n }));

  it.each([
    // AR, sales per month (latest first), expected days
    [500n, [1000n, 1000n], 15.5], // half of March: 0.5 × 31
    [1000n, [1000n, 1000n], 31], // exactly March
    [1500n, [1000n, 1000n], 45.5], // March + half of February: 31 + 0.5 × 29
    [1500n, [0n, 1000n, 1000n], 75.5], // an empty March counts whole: 31 + 29 + 0.5 × 31
    [2000n, [1000n, 1000n, 1000n], 60], // exactly March and February
  ])('AR %s over %s', (ar, sales, expected) => {
    expect(countbackDso(ar, withSales(...sales))).toBe(expected);
  });

  it('a month with net negative sales (credit notes) is skipped whole', () => {
    expect(countbackDso(500n, withSales(-200n, 1000n))).toBe(31 + 0.5 * 29);
  });

  it('no receivables: 0 days; a net credit balance: no figure', () => {
    expect(countbackDso(0n, withSales(1000n))).toBe(0);
    expect(countbackDso(-5n, withSales(1000n))).toBeNull();
  });

  it('receivables beyond all the months of sales: no figure', () => {
    expect(countbackDso(5000n, withSales(1000n, 1000n, 1000n, 1000n))).toBeNull();
    expect(countbackDso(1n, [])).toBeNull();
  });
});

describe('computeKpis', () => {
  it('period figures by hand', () => {
    // 91 days (Jan 1 – Mar 31, 2024). AR 600, current 200, sales 900, beginning 300.
    const k = computeKpis(inputs({ totalAr: 60000n, currentAr: 20000n, beginningAr: 30000n, creditSales: 90000n }));
    expect(k.periodDays).toBe(91);
    expect(k.overdueAr).toBe(40000n);
    expect(k.dso).toBe(60.7); // 600/900 × 91 = 60.666…
    expect(k.bestPossibleDso).toBe(20.2); // 200/900 × 91 = 20.222…
    expect(k.averageDaysDelinquent).toBe(40.4); // 60.666… − 20.222… = 40.444…
    expect(k.cei).toBe(60); // (300 + 900 − 600) / (300 + 900 − 200) = 600 / 1000
    expect(k.overduePercent).toBe(66.7); // 400 / 600
    expect(k.countbackDso).toBeNull(); // no monthly sales given
  });

  it('ADD is taken from unrounded DSO and BPDSO', () => {
    // DSO = 1004/1000 × 10 = 10.04 → 10.0; BPDSO = 506/1000 × 10 = 5.06 → 5.1; ADD = 4.98 → 5.0 (not 10.0 − 5.1 = 4.9)
    const k = computeKpis(
      inputs({
        from: date('2024-01-01'),
        asOf: date('2024-01-10'),
        totalAr: 1004n,
        currentAr: 506n,
        creditSales: 1000n,
      }),
    );
    expect([k.dso, k.bestPossibleDso, k.averageDaysDelinquent]).toEqual([10, 5.1, 5]);
  });

  it('a one-day period has one day', () => {
    const k = computeKpis(inputs({ from: date('2024-03-31'), totalAr: 100n, currentAr: 100n, creditSales: 100n }));
    expect(k.periodDays).toBe(1);
    expect(k.dso).toBe(1);
  });

  it('no sales, nothing open, nothing collectible: null rather than a made-up number', () => {
    const k = computeKpis(inputs());
    expect([k.dso, k.bestPossibleDso, k.averageDaysDelinquent, k.cei, k.overduePercent]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(k.countbackDso).toBe(0);
  });

  it('net negative sales (more credit notes than invoices) give no DSO', () => {
    const k = computeKpis(inputs({ totalAr: 500n, currentAr: 100n, beginningAr: 800n, creditSales: -100n }));
    expect(k.dso).toBeNull();
    expect(k.bestPossibleDso).toBeNull();
    expect(k.averageDaysDelinquent).toBeNull();
    expect(k.cei).toBe(33.3); // (800 − 100 − 500) / (800 − 100 − 100) = 200 / 600
  });

  it('everything current: BPDSO = DSO, ADD 0, overdue 0 %, CEI 100 when all else was collected', () => {
    const k = computeKpis(inputs({ totalAr: 500n, currentAr: 500n, beginningAr: 200n, creditSales: 1000n }));
    expect(k.dso).toBe(k.bestPossibleDso);
    expect(k.averageDaysDelinquent).toBe(0);
    expect(k.overduePercent).toBe(0);
    expect(k.cei).toBe(100);
  });
});
