/** The worked example of docs/domain/limits.md, with the shipped limit policy. */
import { readFileSync } from 'node:fs';
import { type CurrencyCode, parseLimitPolicy, parseMoney, recommendLimit } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./limits.md', import.meta.url));
const parsed = parseLimitPolicy(
  JSON.parse(readFileSync(new URL('../../packages/runtime/config/limit-policy.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy = parsed.value;
const cents = (s: string, c: string) => {
  const m = parseMoney(s, c);
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};

describe('docs/domain/limits.md', () => {
  const inputs = new Map(table(tables, 'buyers').rows.map((r) => [cell(r, 'buyer'), r]));
  it.each(table(tables, 'recommendations').rows.map((r) => [cell(r, 'buyer'), r] as const))(
    'buyer %s',
    (buyer, want) => {
      const r = inputs.get(buyer) ?? {};
      const c = cell(r, 'currency');
      const rec = recommendLimit(
        {
          currency: c as CurrencyCode,
          grade: Number(cell(r, 'grade')),
          monthlySales: cents(cell(r, 'monthly sales'), c),
          paymentTermsDays: Number(cell(r, 'terms')),
          ...(cell(r, 'equity') !== '' ? { equity: cents(cell(r, 'equity'), c) } : {}),
          ...(cell(r, 'working capital') !== '' ? { workingCapital: cents(cell(r, 'working capital'), c) } : {}),
        },
        policy,
      );
      expect(rec.amount).toBe(cents(cell(want, 'limit'), c));
      expect(rec.decidedBy).toBe(cell(want, 'decided by'));
      for (const method of ['expected_exposure', 'net_worth', 'working_capital', 'without_financials']) {
        const figure = rec.figures.find((f) => f.method === method);
        const expected = cell(want, method);
        expect(figure === undefined ? '' : figure.amount).toBe(expected === '' ? '' : cents(expected, c));
      }
    },
  );
});
