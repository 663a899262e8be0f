/** The worked examples of docs/domain/ratios.md are tests: each statement table is run through `computeRatios`. */
import {
  altmanZone,
  computeRatios,
  type FinancialStatement,
  parseCurrency,
  parseMoney,
  type RatioName,
  STATEMENT_LINES,
  type StatementLine,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, type DocTable, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./ratios.md', import.meta.url));

function statement(t: DocTable, fiscalYear: number): FinancialStatement {
  const code = t.attrs.currency ?? 'EUR';
  const currency = parseCurrency(code);
  if (!currency.ok) throw new Error(code);
  const lines: Partial<Record<StatementLine, bigint>> = {};
  for (const r of t.rows) {
    const line = cell(r, 'line') as StatementLine;
    if (!STATEMENT_LINES.includes(line)) throw new Error(`unknown line ${line}`);
    const m = parseMoney(cell(r, 'amount'), code);
    if (!m.ok) throw new Error(cell(r, 'amount'));
    lines[line] = m.value.amount;
  }
  return { buyerId: 'B1', fiscalYear, periodEnd: '2025-12-31' as never, currency: currency.value, lines };
}

describe('docs/domain/ratios.md', () => {
  const main = table(tables, 'statement');
  const s = statement(main, 2025);
  const prior = parseMoney(main.attrs['prior-sales'] ?? '', 'EUR');
  if (!prior.ok) throw new Error('prior-sales');
  const before: FinancialStatement = { ...s, fiscalYear: 2024, lines: { sales: prior.value.amount } };
  const got = computeRatios(s, before);

  it.each(table(tables, 'ratios').rows.map((r) => [cell(r, 'ratio'), Number(cell(r, 'value'))] as const))(
    '%s = %s',
    (name, value) => {
      const r = got[name as RatioName];
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toBeCloseTo(value, 4);
    },
  );

  it('puts the example in the safe zone', () => {
    const z = got.altmanZ2;
    expect(z.ok && altmanZone(z.value)).toBe('safe');
  });

  const weak = computeRatios(statement(table(tables, 'weak'), 2025));
  it.each(table(tables, 'unavailable').rows.map((r) => [cell(r, 'ratio'), r] as const))('weak buyer: %s', (name, r) => {
    const v = weak[name as RatioName];
    if (cell(r, 'value') !== '') {
      expect(v.ok && v.value).toBeCloseTo(Number(cell(r, 'value')), 4);
      return;
    }
    expect(v).toEqual({
      ok: false,
      reason: cell(r, 'reason'),
      lines: cell(r, 'lines')
        .split(',')
        .map((x) => x.trim()),
    });
  });

  it('never yields NaN or Infinity, whatever lines are missing or zero', () => {
    const empty = computeRatios({ ...s, lines: {} });
    const zeros = computeRatios({ ...s, lines: Object.fromEntries(STATEMENT_LINES.map((l) => [l, 0n])) }, s);
    for (const r of [...Object.values(empty), ...Object.values(zeros)])
      if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
    expect(Object.values(empty).every((r) => !r.ok)).toBe(true);
  });
});
