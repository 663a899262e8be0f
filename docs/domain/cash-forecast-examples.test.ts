/** The worked examples of docs/domain/cash-forecast.md. */
import {
  accuracySummary,
  type BusinessDate,
  type CurrencyCode,
  cashFlows,
  cashForecast,
  cashPeriods,
  DEFAULT_CASH_FORECAST_PARAMS,
  date,
  parseDecimal,
  parseMoney,
  toDecimalString,
  weekAccuracy,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables } from './doc-tables';

const tables = readDocTables(new URL('./cash-forecast.md', import.meta.url));
const named = (n: string) => {
  const t = tables.find((x) => x.name === n);
  if (t === undefined) throw new Error(`table ${n} missing`);
  return t;
};
const cur = (c: string) => c as CurrencyCode;
const minor = (s: string, c: string) => {
  const m = parseMoney(s, c);
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const dates = (s: string): BusinessDate[] => s.split(/\s+/).filter(Boolean).map(date);
const text = (a: bigint) => toDecimalString({ amount: a, currency: cur('EUR') });

describe('docs/domain/cash-forecast.md', () => {
  const f = named('cash-forecast');
  const asOf = date(f.attrs.asOf ?? '');
  const rate = parseDecimal('0.9');
  if (!rate.ok) throw new Error('rate');
  const flows = cashFlows(
    {
      asOf,
      items: named('cash-items').rows.map((r) => ({
        number: cell(r, 'item'),
        buyerId: cell(r, 'buyer'),
        currency: cur(cell(r, 'currency')),
        dueDate: date(cell(r, 'due')),
        open: minor(cell(r, 'open'), cell(r, 'currency')),
        predicted: dates(cell(r, 'predicted dates')),
      })),
      promises: named('cash-promises').rows.map((r) => ({
        id: cell(r, 'promise'),
        buyerId: cell(r, 'buyer'),
        currency: cur(cell(r, 'currency')),
        amount: minor(cell(r, 'amount'), cell(r, 'currency')),
        promisedDate: date(cell(r, 'promised')),
        documents: cell(r, 'documents').split(/\s+/).filter(Boolean),
      })),
      plans: named('cash-plans').rows.map((r) => ({
        id: cell(r, 'plan'),
        buyerId: cell(r, 'buyer'),
        currency: cur(cell(r, 'currency')),
        documents: cell(r, 'documents').split(/\s+/),
        instalments: cell(r, 'instalments')
          .split(/\s+/)
          .map((x) => {
            const [d = '', a = ''] = x.split(':');
            return { date: date(d), amount: minor(a, cell(r, 'currency')) };
          }),
      })),
      indemnities: named('cash-indemnities').rows.map((r) => ({
        key: cell(r, 'claim'),
        buyerId: cell(r, 'buyer'),
        currency: cur(cell(r, 'currency')),
        amount: minor(cell(r, 'amount'), cell(r, 'currency')),
        date: date(cell(r, 'due')),
      })),
      brokenPromises: new Map([['A', 1]]),
    },
    DEFAULT_CASH_FORECAST_PARAMS,
  );
  const periods = cashPeriods(asOf, Number(f.attrs.weeks), Number(f.attrs.months));
  const r = cashForecast(flows, {
    asOf,
    currency: cur('EUR'),
    periods,
    rates: [{ date: date('2026-01-01'), from: cur('USD'), to: cur('EUR'), rate: rate.value }],
    bandZ: DEFAULT_CASH_FORECAST_PARAMS.bandZ,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));

  it('has the periods: ISO weeks from the Monday, then the part month', () =>
    expect(periods.map((p) => [p.label, p.start, p.end])).toEqual(
      f.rows.map((x) => [cell(x, 'period'), cell(x, 'start'), cell(x, 'end')]),
    ));

  it('gives each period its band and its sources', () =>
    expect(
      r.value.figures.map((x) => [
        text(x.low),
        text(x.mid),
        text(x.high),
        text(x.sources.promise),
        text(x.sources.plan),
        text(x.sources.predicted),
        text(x.sources.indemnity),
      ]),
    ).toEqual(
      f.rows.map((x) => ['low', 'mid', 'high', 'promise', 'plan', 'predicted', 'indemnity'].map((k) => cell(x, k))),
    ));

  it('keeps what comes later, and adds up', () => {
    expect(text(r.value.beyond)).toBe(f.attrs.beyond);
    expect(text(r.value.expected)).toBe(f.attrs.expected);
  });

  it('B-1 is left to its plan: no predicted receipt for it', () =>
    expect(flows.filter((x) => x.key === 'B-1')).toEqual([]));

  it('scores forecast against actual', () => {
    const t = named('cash-accuracy');
    const weeks = t.rows.map((x) => ({
      start: date(cell(x, 'start')),
      end: date(cell(x, 'end')),
      low: minor(cell(x, 'low'), 'EUR'),
      mid: minor(cell(x, 'mid'), 'EUR'),
      high: minor(cell(x, 'high'), 'EUR'),
      actual: minor(cell(x, 'actual'), 'EUR'),
    }));
    expect(weeks.map((w) => weekAccuracy(w)).map((a) => [text(a.error), a.withinBand ? 'yes' : 'no'])).toEqual(
      t.rows.map((x) => [cell(x, 'error'), cell(x, 'within band')]),
    );
    const s = accuracySummary(weeks);
    expect(s.wape).toBeCloseTo(0.79, 10);
    expect(s.withinBand).toBe(0.5);
  });
});
