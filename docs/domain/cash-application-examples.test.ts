/** The worked examples of docs/domain/cash-application.md. */
import { readFileSync } from 'node:fs';
import {
  type BankLine,
  type BusinessDate,
  type CandidateItem,
  type CurrencyCode,
  formatRf,
  isValidRf,
  letterReference,
  makeRf,
  matchReasonMessage,
  money,
  parseMoney,
  renderReason,
  toDecimalString,
} from '@credence/core';
import { createMatcher } from '@credence/core/cash-matching';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./cash-application.md', import.meta.url));
const EUR = 'EUR' as CurrencyCode;
const eur = (s: string) => {
  const m = parseMoney(s, 'EUR');
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const dec = (a: bigint) => toDecimalString(money(a, EUR));
const optional = <K extends string>(key: K, v: string) => (v === '' ? {} : ({ [key]: v } as Record<K, string>));

const matcher = createMatcher({
  buyers: table(tables, 'buyers').rows.map((r) => ({
    id: cell(r, 'buyer'),
    name: cell(r, 'name'),
    ibans: cell(r, 'known IBAN') === '' ? [] : [cell(r, 'known IBAN')],
  })),
  items: table(tables, 'items').rows.map(
    (r): CandidateItem => ({
      buyerId: cell(r, 'buyer'),
      number: cell(r, 'number'),
      currency: EUR,
      open: eur(cell(r, 'open')),
      issueDate: cell(r, 'issued') as BusinessDate,
      dueDate: cell(r, 'due') as BusinessDate,
      ...(cell(r, 'letter') === '' ? {} : { references: [letterReference(cell(r, 'letter')), cell(r, 'letter')] }),
    }),
  ),
});

const lines = table(tables, 'lines').rows.map(
  (r): BankLine => ({
    amount: eur(cell(r, 'amount')),
    currency: EUR,
    creditDebit: cell(r, 'direction') as BankLine['creditDebit'],
    bookingDate: '2024-07-01' as BusinessDate,
    reversal: false,
    ...optional('payerName', cell(r, 'payer name')),
    ...optional('payerIban', cell(r, 'payer IBAN')),
    ...optional('structuredRef', cell(r, 'structured ref')),
    ...optional('remittance', cell(r, 'remittance')),
  }),
);

describe('docs/domain/cash-application.md', () => {
  it('the RF references', () => {
    for (const r of table(tables, 'rf').rows) {
      const body = cell(r, 'body or letter');
      const rf = /^\d+$/.test(body) ? makeRf(body) : letterReference(body);
      expect(formatRf(rf)).toBe(cell(r, 'RF reference'));
      expect(isValidRf(rf)).toBe(true);
    }
  });

  it.each(table(tables, 'results').rows.map((r) => [cell(r, 'line'), r] as const))('line %s', (n, r) => {
    const m = matcher(lines[Number(n) - 1] as BankLine);
    if (m.kind === 'ignored') {
      expect(cell(r, 'decision')).toBe('ignored');
      expect(m.reasons.map((x) => x.code).join(', ')).toBe(cell(r, 'reasons'));
      return;
    }
    if (m.kind !== 'payment') throw new Error(`line ${n}: ${m.kind}`);
    expect(m.decision).toBe(cell(r, 'decision'));
    const p = m.proposals[0];
    if (p === undefined) {
      expect(cell(r, 'buyer')).toBe('');
      expect(m.reasons.map((x) => x.code).join(', ')).toBe(cell(r, 'reasons'));
      return;
    }
    expect([
      p.buyerId,
      String(p.score),
      p.allocations.map((a) => `${a.document} ${dec(a.amount)}`).join('; '),
      dec(p.onAccount),
      dec(p.shortfall),
      p.reasons.map((x) => x.code).join(', '),
    ]).toEqual(['buyer', 'score', 'allocations', 'on account', 'shortfall', 'reasons'].map((k) => cell(r, k)));
  });

  it('the reasons in words, as the page quotes them', () => {
    const m = matcher(lines[3] as BankLine);
    if (m.kind !== 'payment') throw new Error(m.kind);
    const last = m.proposals[0]?.reasons.at(-1);
    if (last === undefined) throw new Error('no reason');
    const page = readFileSync(new URL('./cash-application.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const)
      expect(page).toContain(`"${renderReason(matchReasonMessage(last), locale)}"`);
  });
});
