import { type CurrencyCode, convert, date, type FxRate, money, parseDecimal, parseMoney } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { buyersWith, END, mean, medium, monthsBefore, namedDelays, ofBuyer } from './test-support';

const minor = (amount: string, currency: string): bigint => {
  const m = parseMoney(amount, currency);
  if (!m.ok) throw new Error(m.error.code);
  return m.value.amount;
};

describe.each([7, 2024])('behaviour profiles are visible in the rows (seed %i)', (seed) => {
  const p = medium(seed);

  it('has one buyer of each special profile per 300 buyers, among the largest', () => {
    expect(buyersWith(p, 'deteriorating')).toHaveLength(1);
    expect(buyersWith(p, 'stopped_paying')).toHaveLength(1);
    expect(buyersWith(p, 'dispute_prone')).toHaveLength(1);
    expect(buyersWith(p, 'on_time').length).toBeGreaterThan(100);
    expect(buyersWith(p, 'slow').length).toBeGreaterThan(70);
  });

  it('the buyer that stops paying pays nothing in its last five months but still owes overdue invoices', () => {
    const [id = ''] = buyersWith(p, 'stopped_paying');
    const cutoff = monthsBefore(5);
    const payments = ofBuyer(p.payments, id);
    expect(payments.length).toBeGreaterThan(20);
    expect(payments.filter((x) => x.payment_date > cutoff)).toEqual([]);
    const paid = new Set(payments.map((x) => x.document_number));
    const invoices = ofBuyer(p.documents, id).filter((d) => d.type === 'invoice');
    expect(invoices.filter((d) => d.due_date >= cutoff && paid.has(d.document_number))).toEqual([]);
    const unpaidOverdue = invoices.filter((d) => d.due_date < END && !paid.has(d.document_number));
    expect(unpaidOverdue.length).toBeGreaterThan(5);
    // Deliveries stopped too (credit hold): no invoice in its last two months.
    expect(invoices.filter((d) => d.issue_date > monthsBefore(2))).toEqual([]);
  });

  it('the deteriorating buyer pays later and later over the last months', () => {
    const [id = ''] = buyersWith(p, 'deteriorating');
    const delays = namedDelays(ofBuyer(p.documents, id), ofBuyer(p.payments, id));
    const before = delays.filter((d) => d.due < monthsBefore(9)).map((d) => d.delay);
    const recent = delays.filter((d) => d.due >= monthsBefore(6)).map((d) => d.delay);
    expect(before.length).toBeGreaterThan(10);
    expect(recent.length).toBeGreaterThan(3);
    expect(mean(before)).toBeLessThan(10);
    expect(mean(recent)).toBeGreaterThan(mean(before) + 25);
    // Its latest invoices are still open at the end date, well past due.
    const paid = new Set(ofBuyer(p.payments, id).map((x) => x.document_number));
    const open = ofBuyer(p.documents, id).filter((d) => d.due_date < monthsBefore(1) && !paid.has(d.document_number));
    expect(open.length).toBeGreaterThan(0);
  });

  it('the dispute-prone buyer gets many credit notes and leaves old invoices open', () => {
    const [id = ''] = buyersWith(p, 'dispute_prone');
    const docs = ofBuyer(p.documents, id);
    const invoices = docs.filter((d) => d.type === 'invoice');
    const notes = docs.filter((d) => d.type === 'credit_note');
    expect(notes.length / invoices.length).toBeGreaterThan(0.15);
    const paid = new Set(ofBuyer(p.payments, id).map((x) => x.document_number));
    const oldOpen = invoices.filter((d) => d.due_date < monthsBefore(6) && !paid.has(d.document_number));
    expect(oldOpen.length).toBeGreaterThan(2);
    // Everyone else gets credit notes rarely.
    const others = p.documents.filter((d) => d.buyer_id !== id);
    const otherNotes = others.filter((d) => d.type === 'credit_note').length;
    expect(otherNotes / others.length).toBeLessThan(0.05);
  });

  it('on-time payers pay close to the due date, slow payers weeks later', () => {
    const avgDelay = (ids: readonly string[]): number => {
      const set = new Set(ids);
      return mean(
        namedDelays(
          p.documents.filter((d) => set.has(d.buyer_id)),
          p.payments.filter((x) => set.has(x.buyer_id)),
        ).map((d) => d.delay),
      );
    };
    expect(Math.abs(avgDelay(buyersWith(p, 'on_time')))).toBeLessThan(6);
    expect(avgDelay(buyersWith(p, 'slow'))).toBeGreaterThan(15);
    expect(avgDelay(buyersWith(p, 'chronic_late'))).toBeGreaterThan(45);
  });

  it('a few large buyers make most of the turnover (in EUR)', () => {
    const rates: FxRate[] = p.fxRates.map((r) => {
      const d = parseDecimal(r.rate);
      if (!d.ok) throw new Error('bad rate');
      return { date: date(r.date), from: r.from_currency as CurrencyCode, to: 'EUR' as CurrencyCode, rate: d.value };
    });
    const byBuyer = new Map<string, bigint>();
    for (const d of p.documents) {
      if (d.type !== 'invoice') continue;
      const eur = convert(
        money(minor(d.amount, d.currency), d.currency as CurrencyCode),
        'EUR' as CurrencyCode,
        rates,
        END,
      );
      if (!eur.ok) throw new Error(eur.error.code);
      byBuyer.set(d.buyer_id, (byBuyer.get(d.buyer_id) ?? 0n) + eur.value.amount);
    }
    const sorted = [...byBuyer.values()].sort((a, b) => (a > b ? -1 : 1));
    const total = sorted.reduce((a, b) => a + b, 0n);
    const top15 = sorted.slice(0, 15).reduce((a, b) => a + b, 0n);
    expect(Number((top15 * 100n) / total)).toBeGreaterThan(50);
  });
});
