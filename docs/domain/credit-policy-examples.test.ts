/** The worked examples of docs/domain/credit-policy.md, with the shipped check policy's credit section. */
import { readFileSync } from 'node:fs';
import { type CurrencyCode, parseCheckPolicy, parseMoney, rankKeyAccounts, toDecimalString } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./credit-policy.md', import.meta.url));
const parsed = parseCheckPolicy(
  JSON.parse(readFileSync(new URL('../../packages/runtime/config/check-policy.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const credit = parsed.value.credit;
const EUR = 'EUR' as CurrencyCode;
const eur = (s: string) => {
  const m = parseMoney(s, 'EUR');
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const pct = (bp: number) => `${(bp / 100).toFixed(2)} %`;

describe('docs/domain/credit-policy.md', () => {
  it('key accounts: the ranking and the classes, with the shipped share', () => {
    const t = table(tables, 'key-accounts');
    expect(credit?.keyAccounts?.shareBp).toBe(Number(t.attrs.shareBp));
    const ranked = rankKeyAccounts(
      t.rows.map((r) => ({ buyerId: cell(r, 'buyer'), turnover: eur(cell(r, 'turnover')) })),
      credit?.keyAccounts?.shareBp ?? 0,
    );
    expect(
      ranked.map((x) => ({
        buyer: x.buyerId,
        turnover: toDecimalString({ amount: x.turnover, currency: EUR }),
        rank: String(x.rank),
        share: pct(x.shareBp),
        cumulative: pct(x.cumulativeBp),
        class: x.accountClass,
      })),
    ).toEqual(t.rows);
    const turnovers = t.rows.map((r) => ({ buyerId: cell(r, 'buyer'), turnover: eur(cell(r, 'turnover')) }));
    const keys = (r: typeof ranked) => r.filter((x) => x.accountClass === 'key').map((x) => x.buyerId);
    expect(keys(rankKeyAccounts(turnovers, 5000))).toEqual(['ATLAS', 'BORA']);
    expect(keys(rankKeyAccounts(turnovers, 2000, 'buyers'))).toEqual(['ATLAS']);
  });
});
