import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { parseDecimal } from '../money/decimal';
import { money } from '../money/money';
import { convert, convertParts, type FxRate, findRate } from './fx';

const C = (c: string) => c as CurrencyCode;
const EUR = C('EUR');
const USD = C('USD');
const JPY = C('JPY');
const KWD = C('KWD');

const rate = (d: string, from: CurrencyCode, to: CurrencyCode, r: string): FxRate => {
  const dec = parseDecimal(r);
  if (!dec.ok) throw new Error(r);
  return { date: date(d), from, to, rate: dec.value };
};

const rates = [
  rate('2024-01-01', EUR, USD, '1.10'),
  rate('2024-02-01', EUR, USD, '1.0850'),
  rate('2024-03-01', EUR, USD, '1.20'),
  rate('2024-01-01', EUR, JPY, '162.37'),
  rate('2024-01-01', KWD, EUR, '2.9876'),
];

const conv = (amount: bigint, from: CurrencyCode, to: CurrencyCode, asOf: string, table = rates) => {
  const r = convert(money(amount, from), to, table, date(asOf));
  return r.ok ? r.value : r.error;
};

describe('convert', () => {
  it.each([
    // minor units in, minor units out; the arithmetic in major units in the comment
    [100000n, EUR, USD, '2024-02-15', 108500n], // 1000.00 × 1.0850 = 1085.00
    [108500n, USD, EUR, '2024-02-15', 100000n], // 1085.00 / 1.0850 = 1000.00 (inverted)
    [100n, USD, EUR, '2024-02-15', 92n], // 1.00 / 1.0850 = 0.92165… → 0.92
    [123456n, EUR, JPY, '2024-01-01', 200456n], // 1234.56 × 162.37 = 200455.5072 → 200456
    [10000n, JPY, EUR, '2024-01-01', 6159n], // 10000 / 162.37 = 61.5877… → 61.59
    [1000n, KWD, EUR, '2024-01-01', 299n], // 1.000 × 2.9876 = 2.9876 → 2.99
    [10000n, EUR, KWD, '2024-01-01', 33472n], // 100.00 / 2.9876 = 33.47168… → 33.472
    [-123456n, EUR, JPY, '2024-01-01', -200456n], // negative amounts round away from zero too
  ])('%s %s → %s on %s = %s', (amount, from, to, asOf, expected) => {
    expect(conv(amount, from, to, asOf)).toEqual({ amount: expected, currency: to });
  });

  it('uses the latest rate dated on or before asOf', () => {
    expect(conv(10000n, EUR, USD, '2024-01-31')).toEqual({ amount: 11000n, currency: USD }); // 1.10
    expect(conv(10000n, EUR, USD, '2024-02-01')).toEqual({ amount: 10850n, currency: USD }); // 1.0850 from its date
    expect(conv(10000n, EUR, USD, '2024-02-29')).toEqual({ amount: 10850n, currency: USD });
    expect(conv(10000n, EUR, USD, '2030-01-01')).toEqual({ amount: 12000n, currency: USD }); // 1.20
  });

  it('a newer inverse rate beats an older direct one; on the same date the direct rate wins', () => {
    const table = [rate('2024-01-01', EUR, USD, '2'), rate('2024-02-01', USD, EUR, '0.25')];
    expect(conv(100n, EUR, USD, '2024-01-15', table)).toEqual({ amount: 200n, currency: USD });
    expect(conv(100n, EUR, USD, '2024-02-15', table)).toEqual({ amount: 400n, currency: USD }); // 1 / 0.25
    const sameDay = [rate('2024-01-01', USD, EUR, '0.25'), rate('2024-01-01', EUR, USD, '2')];
    expect(findRate(sameDay, EUR, USD, date('2024-01-01'))).toMatchObject({ inverted: false });
    expect(conv(100n, EUR, USD, '2024-01-01', sameDay)).toEqual({ amount: 200n, currency: USD });
    // whatever the order of the rows
    expect(conv(100n, EUR, USD, '2024-01-01', [...sameDay].reverse())).toEqual({ amount: 200n, currency: USD });
  });

  it('rounds exact halves of the minor unit half-up (away from zero)', () => {
    const half = [rate('2024-01-01', EUR, USD, '1.5')];
    expect(conv(1n, EUR, USD, '2024-01-01', half)).toEqual({ amount: 2n, currency: USD }); // 0.015 → 0.02
    expect(conv(-1n, EUR, USD, '2024-01-01', half)).toEqual({ amount: -2n, currency: USD }); // −0.015 → −0.02
    expect(conv(3n, EUR, USD, '2024-01-01', [rate('2024-01-01', EUR, USD, '0.5')])).toEqual({
      amount: 2n,
      currency: USD,
    }); // 0.015 → 0.02
    expect(conv(1n, EUR, USD, '2024-01-01', [rate('2024-01-01', EUR, USD, '1.4999')])).toEqual({
      amount: 1n,
      currency: USD,
    }); // 0.014999 → 0.01
  });

  it('is exact above 2^53', () => {
    expect(conv(2n ** 60n + 1n, EUR, USD, '2024-01-01', [rate('2024-01-01', EUR, USD, '2')])).toEqual({
      amount: 2n ** 61n + 2n,
      currency: USD,
    });
  });

  it('same currency needs no rate', () => {
    expect(conv(123n, EUR, EUR, '1999-01-01', [])).toEqual({ amount: 123n, currency: EUR });
  });

  it('a missing rate is an expected failure with its parameters', () => {
    expect(conv(100n, EUR, USD, '2023-12-31')).toEqual({
      code: 'missing_fx_rate',
      params: { from: 'EUR', to: 'USD', date: '2023-12-31' },
    });
    expect(conv(100n, USD, JPY, '2024-06-01')).toMatchObject({ code: 'missing_fx_rate' }); // no cross rates
  });
});

describe('convertParts', () => {
  const eur = 'EUR' as CurrencyCode;
  const usd = 'USD' as CurrencyCode;
  const rates = [{ date: date('2026-01-01'), from: usd, to: eur, rate: { coefficient: 9287n, scale: 4 } }];

  it('parts add up to the total converted once, half-up', () => {
    // 3 × 0.01 USD = 0.03 USD → 0.027861 EUR → 0.03 EUR; each part floors to 0.00 and takes one leftover cent.
    const r = convertParts([1n, 1n, 1n], usd, eur, rates, date('2026-06-30'));
    expect(r.ok && r.value).toEqual({ parts: [1n, 1n, 1n], total: 3n });
    // 100.00 + 0.05 + 0.05 USD = 100.10 USD → 92.96287 EUR → 92.96 EUR. Parts: 92.87 exactly, 0.046435 and
    // 0.046435 floor to 92.87, 0.04, 0.04 = 92.95; the one cent left goes to the largest remainder (a tie: the earlier).
    const s = convertParts([10000n, 5n, 5n], usd, eur, rates, date('2026-06-30'));
    expect(s.ok && s.value).toEqual({ parts: [9287n, 5n, 4n], total: 9296n });
  });

  it('handles negative parts (credit notes) and keeps the sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { minLength: 1, maxLength: 8 }),
        (parts) => {
          const r = convertParts(parts, usd, eur, rates, date('2026-06-30'));
          if (!r.ok) return false;
          const total = convert(
            { amount: parts.reduce((a, b) => a + b, 0n), currency: usd },
            eur,
            rates,
            date('2026-06-30'),
          );
          return (
            total.ok &&
            r.value.total === total.value.amount &&
            r.value.parts.reduce((a, b) => a + b, 0n) === r.value.total
          );
        },
      ),
    );
  });

  it('a missing rate is an error value', () => {
    const r = convertParts([1n], 'GBP' as CurrencyCode, eur, rates, date('2026-06-30'));
    expect(r.ok).toBe(false);
  });
});
