/** The worked examples of docs/domain/late-interest.md, with the shipped reference-rate tables. */
import { readFileSync } from 'node:fs';
import {
  type BusinessDate,
  type ContractRate,
  type CurrencyCode,
  fixedCompensation,
  lateInterest,
  parseDecimal,
  parseMoney,
  parseRateTables,
  type Regime,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./late-interest.md', import.meta.url));
const rates = parseRateTables(
  JSON.parse(readFileSync(new URL('../../packages/runtime/config/reference-rates.json', import.meta.url), 'utf8')),
);
if (!rates.ok) throw new Error('rates');

const money = (s: string, c: string) => {
  const m = parseMoney(s, c);
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const rate = (s: string): ContractRate | undefined => {
  const m = /^(\d+(?:\.\d+)?)%\/(day|year)$/.exec(s);
  const d = m ? parseDecimal(m[1] ?? '') : undefined;
  return d?.ok ? { percent: d.value, per: m?.[2] as 'day' | 'year' } : undefined;
};

describe('docs/domain/late-interest.md', () => {
  it.each(table(tables, 'cases').rows.map((r, i) => [i + 1, cell(r, 'regime'), r] as const))(
    'case %s (%s)',
    (_, regime, r) => {
      const c = cell(r, 'currency');
      const contract = rate(cell(r, 'rate'));
      const result = lateInterest(
        {
          regime: regime as Regime,
          principal: money(cell(r, 'principal'), c),
          currency: c as CurrencyCode,
          due: cell(r, 'due') as BusinessDate,
          paid: cell(r, 'paid') as BusinessDate,
          payments: cell(r, 'payments')
            .split(' ')
            .filter(Boolean)
            .map((p) => {
              const [date = '', amount = ''] = p.split('=');
              return { date: date as BusinessDate, amount: money(amount, c) };
            }),
          ...(contract ? { rate: contract } : {}),
        },
        rates.value,
      );
      expect(result.ok && [result.value.interest, result.value.compensation]).toEqual([
        money(cell(r, 'interest'), c),
        money(cell(r, 'compensation'), c),
      ]);
    },
  );

  it.each(table(tables, 'compensation').rows.map((r) => [cell(r, 'regime'), cell(r, 'currency'), r] as const))(
    'fixed compensation under %s on a %s invoice',
    (regime, currency, r) => {
      const fixed = fixedCompensation(
        regime as Regime,
        currency as CurrencyCode,
        money(cell(r, 'invoice amount'), currency),
      );
      const want = cell(r, 'compensation');
      if (want === 'none') expect(fixed).toBeUndefined();
      else {
        const [amount = '', code = ''] = want.split(' ');
        expect(fixed).toEqual({ amount: money(amount, code), currency: code });
      }
    },
  );
});
