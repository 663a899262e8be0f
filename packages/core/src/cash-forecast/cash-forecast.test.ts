import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date } from '../calendar';
import type { CurrencyCode } from '../money/currency';
import { type CashFlow, instalmentsLeft } from './flows';
import { cashForecast } from './forecast';
import { collectionProbability, DEFAULT_CASH_FORECAST_PARAMS, parseCashForecastParams } from './params';
import { cashPeriods, isoWeekLabel, weekday } from './periods';

const EUR = 'EUR' as CurrencyCode;

describe('periods', () => {
  it('ISO week labels across year ends', () => {
    expect(isoWeekLabel(date('2026-12-28'))).toBe('2026-W53');
    expect(isoWeekLabel(date('2027-01-03'))).toBe('2026-W53');
    expect(isoWeekLabel(date('2027-01-04'))).toBe('2027-W01');
    expect(isoWeekLabel(date('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekLabel(date('2021-01-03'))).toBe('2020-W53');
    expect(weekday(date('2026-12-07'))).toBe(0);
  });
  it('weeks are contiguous Mondays to Sundays, the months follow without a gap', () => {
    const ps = cashPeriods(date('2026-02-25'), 13, 3);
    for (let i = 1; i < ps.length; i++) {
      const prev = ps[i - 1];
      const cur = ps[i];
      if (prev === undefined || cur === undefined) throw new Error('period');
      expect(cur.start > prev.end).toBe(true);
    }
    expect(ps.filter((p) => p.kind === 'week').every((p) => weekday(p.start) === 0 && weekday(p.end) === 6)).toBe(true);
    expect(ps.at(-1)?.end).toBe('2026-07-31');
  });
});

describe('parameters', () => {
  it('overdue steps, and the broken-promise factor per break', () => {
    const p = DEFAULT_CASH_FORECAST_PARAMS;
    expect(collectionProbability(p, -5, 0)).toEqual({ num: 99n, den: 100n });
    expect(collectionProbability(p, 30, 0)).toEqual({ num: 95n, den: 100n });
    expect(collectionProbability(p, 31, 0)).toEqual({ num: 85n, den: 100n });
    expect(collectionProbability(p, 400, 2)).toEqual({ num: 5n * 80n * 80n, den: 100n * 100n * 100n });
  });
  it('refuses a probability above 1 and bad steps', () => {
    expect(parseCashForecastParams({ promiseKept: '120%' }).ok).toBe(false);
    expect(parseCashForecastParams({ overdue: [{ from: 0, rate: '50%' }] }).ok).toBe(false);
    expect(parseCashForecastParams({ bandZ: -1 }).ok).toBe(false);
    expect(parseCashForecastParams({ notDue: '0.97' }).ok).toBe(true);
  });
});

describe('instalmentsLeft', () => {
  it('what is open counts as the last instalments', () => {
    const i = [
      { date: date('2026-01-15'), amount: 300n },
      { date: date('2026-02-15'), amount: 300n },
      { date: date('2026-03-15'), amount: 300n },
    ];
    expect(instalmentsLeft(i, 500n)).toEqual([
      { date: date('2026-02-15'), amount: 200n },
      { date: date('2026-03-15'), amount: 300n },
    ]);
    expect(instalmentsLeft(i, 0n)).toEqual([]);
  });
});

describe('cashForecast', () => {
  const asOf = date('2026-12-09');
  const periods = cashPeriods(asOf, 13, 3);
  const flow = fc.record({
    amount: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    pct: fc.integer({ min: 0, max: 100 }),
    offsets: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 8 }),
  });
  it('low ≤ mid ≤ high in every period, and the parts add up to each flow’s expected amount', () =>
    fc.assert(
      fc.property(fc.array(flow, { maxLength: 30 }), (xs) => {
        const flows: CashFlow[] = xs.map((x, i) => ({
          key: String(i),
          source: 'predicted',
          buyerId: 'B',
          currency: EUR,
          amount: x.amount,
          probability: { num: BigInt(x.pct), den: 100n },
          dates: x.offsets.map((o) => date(new Date(Date.UTC(2026, 11, 9 + o)).toISOString().slice(0, 10))),
        }));
        const r = cashForecast(flows, { asOf, currency: EUR, periods, rates: [], bandZ: 1.2816 });
        if (!r.ok) return false;
        const expected = xs.reduce((s, x) => s + (x.amount * BigInt(x.pct) * 2n + 100n) / 200n, 0n);
        return (
          r.value.figures.every((f) => 0n <= f.low && f.low <= f.mid && f.mid <= f.high) &&
          r.value.expected === expected
        );
      }),
    ));
});
