/** The worked examples of docs/domain/credit-policy.md, with the shipped check policy's credit section. */
import { readFileSync } from 'node:fs';
import {
  type BusinessDate,
  type CurrencyCode,
  decideOrder,
  parseCheckPolicy,
  parseMoney,
  probationOf,
  rankKeyAccounts,
  toDecimalString,
} from '@credence/core';
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

  const t = table(tables, 'terms-and-security');
  const a = t.attrs;
  it.each(t.rows.map((r, i) => [i + 1, r] as const))('terms and security %s', (_, r) => {
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
        oldestOverdueDays: 0,
        grade: 5,
        tier: cell(r, 'tier') as 'low' | 'medium' | 'high',
        termsDays: Number(cell(r, 'terms')),
        secured: eur(cell(r, 'secured')),
      },
      parsed.value,
    );
    expect(toDecimalString({ amount: d.exposureAfter, currency: EUR })).toBe(cell(r, 'exposure after'));
    expect(d.decision).toBe(cell(r, 'decision'));
    expect(d.reasons.map((x) => x.code).join(', ')).toBe(cell(r, 'reasons'));
  });
  it('terms by tier: the prose table is the shipped policy', () => {
    expect(credit?.termsByTier).toEqual({
      low: { maxDays: 60, security: 'open_account' },
      medium: { maxDays: 30, security: 'partial_prepayment', prepaymentBp: 3000 },
      high: { maxDays: 0, security: 'prepayment_or_lc' },
    });
  });

  const pt = table(tables, 'probation');
  it.each(pt.rows.map((r, i) => [i + 1, r] as const))('probation %s', (_, r) => {
    const at = pt.attrs;
    const asOf = (at.asOf ?? '') as BusinessDate;
    const newBuyers = {
      firstOrderCap: { EUR: at.cap ?? '' },
      probationOrders: Number(at.probationOrders),
      probationMonths: Number(at.probationMonths),
    };
    const first = cell(r, 'first invoice');
    const orders = Number(cell(r, 'orders so far'));
    const p = probationOf(
      { orders, ...(first !== '-' ? { firstInvoice: first as BusinessDate } : {}) },
      asOf,
      newBuyers,
    );
    expect(p.inProbation ? 'yes' : 'no').toBe(cell(r, 'on probation'));
    const d = decideOrder(
      {
        order: { amount: eur(cell(r, 'order')), currency: EUR },
        limit: {
          current: {
            amount: eur('100000.00'),
            currency: EUR,
            kind: 'approved',
            since: '2024-01-01' as BusinessDate,
            approvedBy: 'chief',
            eventId: 1,
          },
          pending: [],
        },
        exposure: { currency: EUR, openReceivables: 0n, openOrders: 0n, deliveredNotInvoiced: 0n },
        oldestOverdueDays: 0,
        ...(p.inProbation ? { probation: { cap: eur(at.cap ?? ''), orders } } : {}),
      },
      { ...parsed.value, credit: { ...credit, newBuyers } },
    );
    expect(d.decision).toBe(cell(r, 'decision'));
    expect(d.reasons.map((x) => x.code).join(', ')).toBe(cell(r, 'reasons'));
  });
});
