import { describe, expect, it } from 'vitest';
import { generatePortfolio, planPortfolio } from './portfolio';
import { END, medium } from './test-support';

describe('generatePortfolio: determinism and sizes', () => {
  const a = medium(7);

  it('gives identical rows for the same seed', () => {
    expect(medium(7)).toEqual(a);
  });

  it('gives different rows for another seed', () => {
    const b = medium(8);
    expect(b.buyers.map((x) => x.name)).not.toEqual(a.buyers.map((x) => x.name));
    expect(b.documents.slice(0, 50)).not.toEqual(a.documents.slice(0, 50));
  });

  it('makes the medium portfolio: 300 buyers in about 20 countries, 12,000 invoices, credit notes', () => {
    expect(a.buyers).toHaveLength(300);
    expect(new Set(a.buyers.map((b) => b.country)).size).toBeGreaterThanOrEqual(17);
    expect(new Set(a.buyers.map((b) => b.currency))).toEqual(
      new Set(['EUR', 'USD', 'GBP', 'CNY', 'JPY', 'CHF', 'PLN', 'SEK']),
    );
    expect(a.documents.filter((d) => d.type === 'invoice')).toHaveLength(12_000);
    expect(a.documents.filter((d) => d.type === 'credit_note').length).toBeGreaterThan(100);
    expect(a.payments.length).toBeGreaterThan(10_000);
  });

  it('includes Chinese and Japanese company names and buyers in groups', () => {
    expect(a.buyers.some((b) => b.country === 'CN' && /有限公司$/.test(b.name))).toBe(true);
    expect(a.buyers.some((b) => b.country === 'JP' && b.name.includes('株式会社'))).toBe(true);
    const grouped = a.buyers.filter((b) => b.group_id !== '');
    expect(grouped.length).toBeGreaterThan(5);
  });

  it('makes small ≈ 30 and large ≈ 3,000 buyers', () => {
    expect(generatePortfolio({ seed: 1, size: 'small', endDate: END }).buyers).toHaveLength(30);
    expect(planPortfolio({ seed: 1, size: 'large', endDate: END }).buyers).toHaveLength(3_000);
  });

  it('streams the ledger buyer by buyer, the same rows as the in-memory portfolio', () => {
    const plan = planPortfolio({ seed: 7, endDate: END });
    const chunks = [...plan.ledger()];
    expect(chunks.map((c) => c.buyerId)).toEqual(a.buyers.map((b) => b.buyer_id));
    expect(chunks.flatMap((c) => c.documents)).toEqual(a.documents);
    expect(chunks.flatMap((c) => c.payments)).toEqual(a.payments);
  });

  it('scales to a custom size with the exact invoice count, lazily', () => {
    const plan = planPortfolio({ seed: 3, size: { buyers: 2_000, invoices: 50_000 }, endDate: END });
    const first = plan.ledger().next();
    expect(first.done).toBe(false);
    expect(first.value?.buyerId).toBe('B00001');
    let invoices = 0;
    for (const c of plan.ledger()) invoices += c.documents.filter((d) => d.type === 'invoice').length;
    expect(invoices).toBe(50_000);
  });

  it('rejects impossible sizes', () => {
    expect(() => planPortfolio({ seed: 1, size: { buyers: 10, invoices: 5 }, endDate: END })).toThrow(RangeError);
    expect(() => planPortfolio({ seed: 1, size: { buyers: 0 }, endDate: END })).toThrow(RangeError);
  });
});
