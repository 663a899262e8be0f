/** The worked example of docs/domain/simulator.md: the replay of the tables under the scenario block, figure by figure. */
import { readFileSync } from 'node:fs';
import { type BusinessDate, type CurrencyCode, date, parseMoney, toDecimalString } from '@credence/core';
import { parseScenario, type SimBuyer, type SimInvoice, simulate } from '@credence/core/simulate';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables } from './doc-tables';

const URL_ = new URL('./simulator.md', import.meta.url);
const tables = readDocTables(URL_);
const named = (n: string) => {
  const t = tables.find((x) => x.name === n);
  if (t === undefined) throw new Error(`table ${n} missing`);
  return t;
};
const EUR = 'EUR' as CurrencyCode;
const minor = (s: string) => {
  const m = parseMoney(s, EUR);
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const text = (a: bigint) => toDecimalString({ amount: a, currency: EUR });
const blank = (s: string | undefined) => (s ?? '').trim() === '';

describe('docs/domain/simulator.md', () => {
  const scenarioText = /```json\n([\s\S]*?)```/.exec(readFileSync(URL_, 'utf8'))?.[1];
  const scenario = parseScenario(JSON.parse(scenarioText ?? 'null'));
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.error));
  const rows = named('sim-invoices').rows;
  const invoices: SimInvoice[] = rows.map((r) => ({
    number: cell(r, 'number'),
    buyerId: cell(r, 'buyer'),
    issueDate: date(cell(r, 'issue date')),
    dueDate: date(cell(r, 'due date')),
    amount: minor(cell(r, 'amount')),
    ...(blank(r['paid on']) ? {} : { settledOn: date(cell(r, 'paid on')) }),
  }));
  const buyers: SimBuyer[] = named('sim-buyers').rows.map((r) => ({
    buyerId: cell(r, 'buyer'),
    country: 'DE',
    grade: Number(cell(r, 'grade')),
    tier: cell(r, 'tier'),
  }));
  const r = simulate(invoices, EUR, buyers, scenario.value, date('2024-03-31'));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const sim = r.value;

  it('moves the due and paid dates as the table shows', () => {
    const got = new Map(sim.invoices.map((x) => [x.number, x]));
    for (const row of rows) {
      const x = got.get(cell(row, 'number'));
      expect(x?.dueDate, cell(row, 'number')).toBe(cell(row, 'due′'));
      expect(x?.settledOn ?? '', cell(row, 'number')).toBe((row['paid′'] ?? '').trim() as BusinessDate | '');
    }
  });

  it('gives the base case and the scenario figures', () => {
    const pick = (f: typeof sim.base, figure: string): string => {
      switch (figure) {
        case 'dso':
          return String(f.kpis.dso);
        case 'overduePercent':
          return String(f.kpis.overduePercent);
        case 'cei':
          return String(f.kpis.cei);
        case 'totalAr':
          return text(f.kpis.totalAr);
        case 'expectedLoss':
          return text(f.expectedLoss);
        case 'collected':
          return text(f.collected);
        default:
          throw new Error(figure);
      }
    };
    for (const row of named('sim-figures').rows) {
      const figure = cell(row, 'figure');
      expect([figure, pick(sim.base, figure), pick(sim.scenario, figure)]).toEqual([
        figure,
        cell(row, 'base'),
        cell(row, 'scenario'),
      ]);
    }
  });

  it('gives the cash per week', () => {
    expect(sim.weeks.map((w) => [w.from, w.to, text(w.base), text(w.scenario)])).toEqual(
      named('sim-weeks').rows.map((row) => ['from', 'to', 'base', 'scenario'].map((k) => cell(row, k))),
    );
  });
});
