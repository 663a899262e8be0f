import { TEXT_KINDS } from '@credence/app';
import {
  type CurrencyCode,
  checkText,
  convert,
  type FxRate,
  isCurrency,
  money,
  parseCurrency,
  parseDate,
  parseDecimal,
  parseMoney,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from './portfolio';
import { BUYER_COLUMNS, FX_RATE_COLUMNS, INVOICE_COLUMNS, PAYMENT_COLUMNS } from './rows';
import { END } from './test-support';

const p = generatePortfolio({ seed: 11, endDate: END });
const start = '2023-07-01';
const amountOf = (amount: string, currency: string): bigint => {
  const m = parseMoney(amount, currency);
  if (!m.ok) throw new Error(`${amount} ${currency}: ${m.error.code}`);
  return m.value.amount;
};
const validDate = (s: string): boolean => parseDate(s).ok && s.length === 10;

describe('every generated row passes the canonical import rules', () => {
  const buyers = new Map(p.buyers.map((b) => [b.buyer_id, b]));

  it('every cell fits its kind of field (ids, e-mails, addresses, names: lengths and shapes)', () => {
    const rows: readonly Readonly<Record<string, string>>[] = [...p.buyers, ...p.documents, ...p.payments];
    const bad = rows.flatMap((row) =>
      Object.entries(row).filter(([field, v]) => v !== '' && !checkText(v, TEXT_KINDS[field] ?? 'name').ok),
    );
    expect(bad).toEqual([]);
  });

  it('has exactly the canonical columns', () => {
    expect(Object.keys(p.buyers[0] ?? {})).toEqual([...BUYER_COLUMNS]);
    expect(Object.keys(p.documents[0] ?? {})).toEqual([...INVOICE_COLUMNS]);
    expect(Object.keys(p.payments[0] ?? {})).toEqual([...PAYMENT_COLUMNS]);
    expect(Object.keys(p.fxRates[0] ?? {})).toEqual([...FX_RATE_COLUMNS]);
  });

  it('buyers: unique ids, country codes, known currencies, usual terms, groups that exist', () => {
    expect(buyers.size).toBe(p.buyers.length);
    for (const b of p.buyers) {
      expect(b.country).toMatch(/^[A-Z]{2}$/);
      expect(isCurrency(b.currency)).toBe(true);
      expect(['30', '45', '60', '90']).toContain(b.payment_terms_days);
      expect(b.name.trim()).toBe(b.name);
      expect(b.name.length).toBeGreaterThan(3);
      if (b.email !== '') expect(b.email).toMatch(/^[^\s@]+@[^\s@]+$/);
      if (b.group_id !== '') expect(buyers.has(b.group_id)).toBe(true);
      expect(b.sales_owner).not.toBe('');
      expect(b.collector).not.toBe('');
    }
  });

  it('documents: unique numbers, valid dates in the period, issue ≤ due, positive amounts in the buyer currency', () => {
    expect(new Set(p.documents.map((d) => d.document_number)).size).toBe(p.documents.length);
    const bad = p.documents.filter(
      (d) =>
        buyers.get(d.buyer_id)?.currency !== d.currency ||
        !validDate(d.issue_date) ||
        !validDate(d.due_date) ||
        d.issue_date > d.due_date ||
        d.issue_date < start ||
        d.issue_date > END ||
        (d.delivery_date !== '' && !(validDate(d.delivery_date) && d.delivery_date <= d.issue_date)) ||
        !['invoice', 'credit_note'].includes(d.type) ||
        amountOf(d.amount, d.currency) <= 0n,
    );
    expect(bad).toEqual([]);
  });

  it('JPY amounts have no decimals; EUR amounts have two', () => {
    const jpy = p.documents.filter((d) => d.currency === 'JPY');
    expect(jpy.length).toBeGreaterThan(0);
    for (const d of jpy) expect(d.amount).toMatch(/^\d+$/);
    for (const d of p.documents.filter((x) => x.currency === 'EUR')) expect(d.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('payments: unique ids, dated in the period, positive, named invoices of the same buyer issued before', () => {
    const docs = new Map(p.documents.map((d) => [d.document_number, d]));
    expect(new Set(p.payments.map((x) => x.payment_id)).size).toBe(p.payments.length);
    const bad = p.payments.filter((pay) => {
      const inv = docs.get(pay.document_number);
      return (
        buyers.get(pay.buyer_id)?.currency !== pay.currency ||
        !validDate(pay.payment_date) ||
        pay.payment_date > END ||
        amountOf(pay.amount, pay.currency) <= 0n ||
        (pay.document_number !== '' &&
          (inv?.type !== 'invoice' || inv.buyer_id !== pay.buyer_id || pay.payment_date < inv.issue_date))
      );
    });
    expect(bad).toEqual([]);
  });

  it('never pays more on an invoice than its amount, and has partial and unnamed payments', () => {
    const paid = new Map<string, bigint>();
    let unnamed = 0;
    for (const pay of p.payments) {
      if (pay.document_number === '') unnamed += 1;
      else paid.set(pay.document_number, (paid.get(pay.document_number) ?? 0n) + amountOf(pay.amount, pay.currency));
    }
    let partial = 0;
    for (const d of p.documents) {
      const sum = paid.get(d.document_number);
      if (sum === undefined) continue;
      const face = amountOf(d.amount, d.currency);
      expect(sum).toBeLessThanOrEqual(face);
      if (sum < face) partial += 1;
    }
    expect(unnamed).toBeGreaterThan(100);
    expect(partial).toBeGreaterThan(100);
    const perInvoice = new Map<string, number>();
    for (const x of p.payments) perInvoice.set(x.document_number, (perInvoice.get(x.document_number) ?? 0) + 1);
    perInvoice.delete('');
    expect([...perInvoice.values()].filter((n) => n > 1).length).toBeGreaterThan(50);
  });

  it('fx rates: monthly, to EUR, exact positive decimals, for every foreign currency, usable by core convert', () => {
    const foreign = new Set(p.buyers.map((b) => b.currency).filter((c) => c !== 'EUR'));
    expect(new Set(p.fxRates.map((r) => r.from_currency))).toEqual(foreign);
    const rates: FxRate[] = p.fxRates.map((r) => {
      const d = parseDate(r.date);
      const from = parseCurrency(r.from_currency);
      const to = parseCurrency(r.to_currency);
      const rate = parseDecimal(r.rate);
      if (!d.ok || !from.ok || !to.ok || !rate.ok) throw new Error(`bad rate row ${JSON.stringify(r)}`);
      expect(r.to_currency).toBe('EUR');
      expect(d.value.endsWith('-01')).toBe(true);
      expect(rate.value.coefficient).toBeGreaterThan(0n);
      return { date: d.value, from: from.value, to: to.value, rate: rate.value };
    });
    for (const c of foreign) expect(p.fxRates.filter((r) => r.from_currency === c)).toHaveLength(24);
    for (const d of p.documents.filter((x) => x.currency !== 'EUR').slice(0, 200)) {
      const r = convert(
        money(amountOf(d.amount, d.currency), d.currency as CurrencyCode),
        'EUR' as CurrencyCode,
        rates,
        d.issue_date as never,
      );
      expect(r.ok).toBe(true);
    }
  });
});
