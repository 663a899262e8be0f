/** The worked example of docs/domain/credit-check.md, with the shipped check policy. */
import { readFileSync } from 'node:fs';
import { type BusinessDate, type CurrencyCode, decideOrder, parseCheckPolicy, parseMoney } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./credit-check.md', import.meta.url));
const parsed = parseCheckPolicy(
  JSON.parse(readFileSync(new URL('../../packages/runtime/config/check-policy.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const EUR = 'EUR' as CurrencyCode;
const eur = (s: string) => {
  const m = parseMoney(s, 'EUR');
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};

describe('docs/domain/credit-check.md', () => {
  const t = table(tables, 'checks');
  const a = t.attrs;
  it.each(t.rows.map((r, i) => [i + 1, r] as const))('check %s', (_, r) => {
    const d = decideOrder(
      {
        order: { amount: eur(cell(r, 'order')), currency: EUR },
        limit: {
          current: {
            amount: eur(a.limit ?? ''),
            currency: EUR,
            kind: 'approved',
            since: '2024-01-01' as BusinessDate,
            approvedBy: 'chief',
            eventId: 1,
          },
          pending: [],
        },
        exposure: {
          currency: EUR,
          openReceivables: eur(a.receivables ?? ''),
          openOrders: eur(a.orders ?? ''),
          deliveredNotInvoiced: eur(a.delivered ?? ''),
        },
        oldestOverdueDays: Number(cell(r, 'oldest overdue days')),
        grade: Number(cell(r, 'grade')),
        ...(cell(r, 'on hold') === 'yes' ? { hold: { reason: 'r', since: '2024-01-01', by: 'x' } } : {}),
      },
      parsed.value,
    );
    expect(d.decision).toBe(cell(r, 'decision'));
    expect(d.reasons.map((x) => x.code).join(', ')).toBe(cell(r, 'reasons'));
  });
});
