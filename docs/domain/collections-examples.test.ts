/** The worked examples of docs/domain/collections.md: promise and plan outcomes, the worklist order. */
import {
  type BusinessDate,
  type CollectionEvent,
  type CurrencyCode,
  collectionsState,
  parseMoney,
  planOutcome,
  promiseOutcome,
  rankWorklist,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./collections.md', import.meta.url));
const EUR = 'EUR' as CurrencyCode;
const eur = (s: string) => {
  const m = parseMoney(s, 'EUR');
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const base = { buyerId: 'B', by: 'x', date: '2026-03-01' as BusinessDate };

describe('docs/domain/collections.md', () => {
  const p = table(tables, 'promise');
  const promise = collectionsState([
    {
      ...base,
      kind: 'promise_made',
      id: 'P',
      amount: eur(p.attrs.amount ?? ''),
      currency: EUR,
      promisedDate: p.attrs.date as BusinessDate,
      graceDays: Number(p.attrs.grace),
      documents: [],
      notes: '',
    },
  ]).promises.get('P');
  it.each(p.rows.map((r, i) => [i + 1, r] as const))('promise row %s', (_, r) => {
    if (!promise) throw new Error('no promise');
    expect(promiseOutcome(promise, eur(cell(r, 'paid since made')), cell(r, 'run date') as BusinessDate)).toBe(
      cell(r, 'outcome'),
    );
  });

  const t = table(tables, 'plan');
  const instalments = (t.attrs.instalments ?? '').split(',').map((x) => {
    const [d, a] = x.split(':');
    return { date: d as BusinessDate, amount: eur(a ?? '') };
  });
  const created: CollectionEvent = {
    ...base,
    kind: 'plan_created',
    id: 'PL',
    currency: EUR,
    documents: ['I'],
    instalments,
    graceDays: Number(t.attrs.grace),
    notes: '',
  };
  const plan = collectionsState([created]).plans.get('PL');
  it.each(t.rows.map((r, i) => [i + 1, r] as const))('plan row %s', (_, r) => {
    if (!plan) throw new Error('no plan');
    const o = planOutcome(plan, eur(cell(r, 'still open')), cell(r, 'run date') as BusinessDate);
    expect(o.status === 'broken' ? `broken (${o.missed} missed)` : o.status).toBe(cell(r, 'outcome'));
  });

  it('worklist order', () => {
    const w = table(tables, 'worklist');
    const ranked = rankWorklist(
      w.rows.map((r) => ({
        buyerId: cell(r, 'buyer'),
        action: 'call' as const,
        reason: { code: 'letter', params: {} },
        amount: eur(cell(r, 'amount')),
        currency: 'EUR',
        exponent: 2,
        daysOverdue: Number(cell(r, 'days overdue')),
        pd: Number(cell(r, 'PD')),
      })),
    );
    for (const r of w.rows) {
      const at = ranked.findIndex((x) => x.buyerId === cell(r, 'buyer'));
      expect(at + 1).toBe(Number(cell(r, 'rank')));
      expect(ranked[at]?.score).toBeCloseTo(Number(cell(r, 'score')));
    }
  });
});
