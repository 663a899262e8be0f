import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money';
import type { FinancialStatement } from '../statements';
import { POLISH_ATTRIBUTES } from './polish-attributes';
import { polishInputs } from './polish-inputs';

const EUR = 'EUR' as CurrencyCode;
const k = (x: number) => BigInt(x) * 100_000n; // thousands of euros in cents

const s: FinancialStatement = {
  buyerId: 'B1',
  fiscalYear: 2024,
  periodEnd: '2024-12-31' as never,
  currency: EUR,
  lines: {
    cash: k(120),
    receivables: k(400),
    inventory: k(250),
    currentAssets: k(850),
    fixedAssets: k(1150),
    totalAssets: k(2000),
    shortTermLiabilities: k(500),
    longTermLiabilities: k(700),
    equity: k(800),
    shareCapital: k(200),
    retainedEarnings: k(450),
    sales: k(3650),
    costOfGoodsSold: k(2920),
    operatingProfit: k(240),
    depreciation: k(90),
    interestExpense: k(60),
    netProfit: k(140),
  },
};

describe('polishInputs', () => {
  const x = polishInputs(s, { ...s, fiscalYear: 2023, lines: { sales: k(3320) } });

  it('gives all 64 inputs by name', () => {
    expect(Object.keys(x).sort()).toEqual(Object.keys(POLISH_ATTRIBUTES).sort());
  });

  it.each([
    ['Attr1', 140 / 2000],
    ['Attr2', 1200 / 2000],
    ['Attr3', 350 / 2000],
    ['Attr4', 850 / 500],
    ['Attr9', 3650 / 2000],
    ['Attr18', (240 - 60) / 2000], // profit before tax / total assets
    ['Attr21', 3650 / 3320],
    ['Attr27', 240 / 60],
    ['Attr29', Math.log10(2000)], // log10 of total assets in thousands
    ['Attr44', 40], // receivable days
    ['Attr55', 350], // working capital in thousands
    ['Attr64', 3650 / 1150],
  ])('%s', (name, value) => {
    expect(x[name]).toBeCloseTo(value, 10);
  });

  it('approximates the three-year profit from this year and the one before, or three times this one', () => {
    expect(x.Attr24).toBeCloseTo((3 * (240 - 60)) / 2000, 10); // the prior statement has no profit lines
    const both = polishInputs(s, { ...s, lines: { ...s.lines, operatingProfit: k(100), interestExpense: k(40) } });
    expect(both.Attr24).toBeCloseTo(((180 + 60) * 1.5) / 2000, 10);
  });

  it('counts unreported short-term securities as none among the liquid assets (Attr5)', () => {
    // (120 + 0 + 400 − 500) / ((3650 − 240) − 90) × 365
    expect(x.Attr5).toBeCloseTo((20 / 3320) * 365, 10);
  });

  it('leaves what it cannot compute missing (NaN), never Infinity', () => {
    const bare = polishInputs({ ...s, lines: { sales: k(100), totalAssets: 0n } });
    expect(bare.Attr9).toBeNaN(); // sales / total assets with total assets 0
    expect(bare.Attr21).toBeNaN(); // no prior year
    for (const v of Object.values(bare)) expect(Number.isNaN(v) || Number.isFinite(v)).toBe(true);
  });
});
