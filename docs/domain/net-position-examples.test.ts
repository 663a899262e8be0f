/** The worked example of docs/domain/net-position.md. */
import {
  type BusinessDate,
  type CurrencyCode,
  daysOverdue,
  netPosition,
  type OpenCredit,
  type OpenItem,
  parseMoney,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./net-position.md', import.meta.url));
const EUR = 'EUR' as CurrencyCode;
const eur = (s: string) => {
  const m = parseMoney(s, 'EUR');
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const items: OpenItem[] = table(tables, 'open-items').rows.map((r) => ({
  buyerId: 'B1',
  number: cell(r, 'number'),
  type: cell(r, 'type') as OpenItem['type'],
  issueDate: '2024-01-01' as BusinessDate,
  dueDate: cell(r, 'due date') as BusinessDate,
  currency: EUR,
  open: eur(cell(r, 'open')),
}));
const cash: OpenCredit[] = table(tables, 'cash').rows.map((r) => ({
  kind: 'unapplied_cash',
  reference: cell(r, 'payment'),
  date: cell(r, 'date') as BusinessDate,
  currency: EUR,
  amount: eur(cell(r, 'unapplied')),
}));
const asOf = (table(tables, 'owed').attrs.asOf ?? '') as BusinessDate;

describe('docs/domain/net-position.md', () => {
  const net = netPosition(items, cash);

  it('sets the credits off as the page says', () => {
    const got = [...net.setOff].flatMap(([n, cs]) => cs.map((c) => [n, c.reference, c.amount]));
    expect(got).toEqual(
      table(tables, 'set-off').rows.map((r) => [cell(r, 'invoice'), cell(r, 'credit'), eur(cell(r, 'amount'))]),
    );
  });

  it('what is still owed and how late', () => {
    expect(net.items.map((i) => [i.number, i.open, daysOverdue(i.dueDate, asOf)])).toEqual(
      table(tables, 'owed').rows.map((r) => [cell(r, 'number'), eur(cell(r, 'owed')), Number(cell(r, 'days overdue'))]),
    );
    expect(net.creditBalance).toEqual([]);
  });

  it('the credit balance with more cash', () => {
    const t = table(tables, 'credit-balance');
    const more = netPosition(items, [
      ...cash,
      { kind: 'unapplied_cash', currency: EUR, amount: eur(t.attrs.extraCash ?? '') },
    ]);
    expect(more.items).toEqual([]);
    expect(more.creditBalance).toEqual(
      t.rows.map((r) => ({ currency: cell(r, 'currency'), amount: eur(cell(r, 'amount')) })),
    );
  });
});
