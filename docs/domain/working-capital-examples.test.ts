/** The worked example of docs/domain/working-capital.md: the ratios and their trend, from the tables. */
import {
  type CurrencyCode,
  parseMoney,
  parseYearMonth,
  toDecimalString,
  workingCapitalMonth,
  workingCapitalTrend,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables } from './doc-tables';

const tables = readDocTables(new URL('./working-capital.md', import.meta.url));
const named = (n: string) => {
  const t = tables.find((x) => x.name === n);
  if (t === undefined) throw new Error(`table ${n} missing`);
  return t;
};

describe('docs/domain/working-capital.md', () => {
  const inputs = named('wc-figures');
  const c = (inputs.attrs.currency ?? 'EUR') as CurrencyCode;
  const minor = (s: string) => {
    const m = parseMoney(s, c);
    if (!m.ok) throw new Error(s);
    return m.value.amount;
  };
  const text = (a: bigint) => toDecimalString({ amount: a, currency: c });
  const months = inputs.rows.map((r) => {
    const month = parseYearMonth(cell(r, 'month'));
    if (!month.ok) throw new Error(cell(r, 'month'));
    const entered = (r.receivables ?? '').trim();
    return workingCapitalMonth(
      {
        month: month.value,
        currency: c,
        cash: minor(cell(r, 'cash')),
        ...(entered === '' ? {} : { receivables: minor(entered) }),
        inventory: minor(cell(r, 'inventory')),
        payables: minor(cell(r, 'payables')),
        otherCurrentAssets: minor(cell(r, 'other current assets')),
        otherCurrentLiabilities: minor(cell(r, 'other current liabilities')),
        sales: minor(cell(r, 'sales')),
        costOfSales: minor(cell(r, 'cost of sales')),
      },
      minor(cell(r, 'ledger receivables')),
    );
  });

  it('gives the ratios of each month', () => {
    expect(
      months.map((m) => [
        m.month,
        m.receivablesFrom,
        text(m.currentAssets),
        text(m.currentLiabilities),
        text(m.workingCapital),
        text(m.workingCapitalRequirement),
        m.currentRatio,
        m.quickRatio,
        m.cashRatio,
        m.dso,
        m.dio,
        m.dpo,
        m.cashConversionCycle,
      ]),
    ).toEqual(
      named('wc-ratios').rows.map((r) =>
        [
          'month',
          'receivables from',
          'current assets',
          'current liabilities',
          'working capital',
          'WCR',
          'current',
          'quick',
          'cash',
          'DSO',
          'DIO',
          'DPO',
          'CCC',
        ].map((k) => cell(r, k)),
      ),
    );
  });

  it('gives the trend', () => {
    expect(workingCapitalTrend(months).map((t) => [t.figure, t.first, t.last, t.change, t.direction])).toEqual(
      named('wc-trend').rows.map((r) => ['figure', 'first', 'last', 'change', 'direction'].map((k) => cell(r, k))),
    );
  });
});
