import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';
import { type InterestCase, lateInterest } from './calculate';
import { parseRateTables } from './rates';

// The reference rates these cases need (the shipped table, packages/runtime/config/reference-rates.json, is
// checked against the same figures by docs/domain/late-interest-examples.test.ts).
const tables = (() => {
  const t = parseRateTables({
    ecb: { '2025-H1': '3.15', '2025-H2': '2.15' },
    boe: { '2025-H2': '4.25', '2026-H1': '3.75' },
    'de-base': { '2025-H1': '2.27', '2025-H2': '1.27' },
  });
  if (!t.ok) throw new Error('rates');
  return t.value;
})();
const d = (s: string) => s as BusinessDate;
const c = (
  x: Partial<InterestCase> & Pick<InterestCase, 'regime' | 'principal' | 'currency' | 'due'>,
): InterestCase => ({
  payments: [],
  ...x,
});
const run = (x: InterestCase) => {
  const r = lateInterest(x, tables);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('lateInterest', () => {
  it('UK: the published example, rounded once: GBP 5,000, 101 days at 12.25 % = 169.49, compensation 70', () => {
    const r = run(
      c({
        regime: 'uk',
        principal: 500_000n,
        currency: 'GBP' as CurrencyCode,
        due: d('2025-07-31'),
        paid: d('2025-11-09'),
      }),
    );
    expect(r.periods.reduce((s, p) => s + p.days, 0)).toBe(101);
    expect([r.interest, r.compensation, r.total]).toEqual([16_949n, 7_000n, 23_949n]);
  });

  it('UK: the rate stays that of the half-year the debt became late; a partial payment lowers the base from the next day', () => {
    const r = run(
      c({
        regime: 'uk',
        principal: 1_800_000n,
        currency: 'GBP' as CurrencyCode,
        due: d('2025-06-30'),
        paid: d('2026-01-16'),
        payments: [{ date: d('2025-09-30'), amount: 200_000n }],
      }),
    );
    expect(
      r.periods.map((p) => [p.from, p.to, p.days, p.base, `${p.ratePercent.coefficient}e-${p.ratePercent.scale}`]),
    ).toEqual([
      ['2025-07-01', '2025-09-30', 92, 1_800_000n, '1225e-2'],
      ['2025-10-01', '2025-12-31', 92, 1_600_000n, '1225e-2'],
      ['2026-01-01', '2026-01-16', 16, 1_600_000n, '1225e-2'],
    ]);
    // (18,000 × 92 + 16,000 × 108) × 12.25 % / 365 = 1,135.7260… → 1,135.73; compensation GBP 100 (≥ 10,000).
    expect([r.interest, r.compensation]).toEqual([113_573n, 10_000n]);
  });

  it('DE b2b: the Basiszinssatz changes inside a running default, split at 30 June', () => {
    const r = run(
      c({
        regime: 'de-b2b',
        principal: 1_000_000n,
        currency: 'EUR' as CurrencyCode,
        due: d('2025-06-15'),
        paid: d('2025-07-15'),
      }),
    );
    expect(r.periods.map((p) => [p.days, Number(p.ratePercent.coefficient) / 100])).toEqual([
      [15, 11.27],
      [15, 10.27],
    ]);
    // 10,000 × (15 × 11.27 % + 15 × 10.27 %) / 365 = 88.5205… → 88.52
    expect([r.interest, r.compensation]).toEqual([8_852n, 4_000n]);
  });

  it('CN: 0.05 % a day, no compensation; contract: the agreed rate', () => {
    const cn = run(
      c({
        regime: 'cn',
        principal: 10_000_000n,
        currency: 'CNY' as CurrencyCode,
        due: d('2025-03-01'),
        paid: d('2025-03-31'),
      }),
    );
    expect([cn.interest, cn.compensation]).toEqual([150_000n, 0n]); // 100,000 × 0.0005 × 30
    const k = run(
      c({
        regime: 'contract',
        principal: 10_000_000n,
        currency: 'CNY' as CurrencyCode,
        due: d('2025-03-01'),
        paid: d('2025-03-31'),
        rate: { percent: { coefficient: 1n, scale: 1 }, per: 'day' },
      }),
    );
    expect(k.interest).toBe(300_000n);
  });

  it('EU, FR and DE consumer rates, and the interest already accrued stays after the principal is paid in parts', () => {
    const eu = run(
      c({
        regime: 'eu',
        principal: 1_000_000n,
        currency: 'EUR' as CurrencyCode,
        due: d('2025-01-31'),
        paid: d('2025-03-02'),
      }),
    );
    expect(eu.interest).toBe(divide(1_000_000n * 30n * 1115n, 100n * 100n * 365n));
    const fr = run(
      c({
        regime: 'fr',
        principal: 1_000_000n,
        currency: 'EUR' as CurrencyCode,
        due: d('2025-01-31'),
        paid: d('2025-03-02'),
      }),
    );
    expect(fr.interest).toBe(divide(1_000_000n * 30n * 1315n, 100n * 100n * 365n));
    const parts = run(
      c({
        regime: 'de-consumer',
        principal: 1_000_000n,
        currency: 'EUR' as CurrencyCode,
        due: d('2025-01-31'),
        payments: [
          { date: d('2025-02-10'), amount: 600_000n },
          { date: d('2025-02-20'), amount: 400_000n },
        ],
      }),
    );
    // 10 days on 10,000 and 10 on 4,000 at 7.27 %: (100,000 + 40,000) × 7.27 % / 365 = 27.88…
    expect([parts.interest, parts.compensation]).toEqual([
      divide((1_000_000n * 10n + 400_000n * 10n) * 727n, 100n * 100n * 365n),
      0n,
    ]);
  });

  it('FR: an agreed rate below three times the legal rate is raised to it, half-year by half-year, when the table has it', () => {
    const withLegal = parseRateTables({ ecb: {}, boe: {}, 'de-base': {}, 'fr-legal': { '2025-H2': '2.00' } });
    if (!withLegal.ok) throw new Error('rates');
    const agreed = { percent: { coefficient: 5n, scale: 0 }, per: 'year' as const };
    const x = c({
      regime: 'fr',
      principal: 1_000_000n,
      currency: d('EUR') as never,
      due: d('2025-12-15'),
      paid: d('2026-01-10'),
      rate: agreed,
    });
    const r = lateInterest(x, withLegal.value);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // 16–31 Dec (16 days) at 3 × 2.00 = 6 %; 1–10 Jan (10 days) without a legal rate for 2026-H1: the agreed 5 %.
    expect(r.value.periods.map((p) => [p.days, `${p.ratePercent.coefficient}e-${p.ratePercent.scale}`])).toEqual([
      [16, '600e-2'],
      [10, '5e-0'],
    ]);
    // 1,000,000 × (16 × 6 + 10 × 5) / 36500 = 4000 minor units
    expect(r.value.interest).toBe(4000n);
    // An agreed rate above the floor stands.
    const high = lateInterest({ ...x, rate: { percent: { coefficient: 9n, scale: 0 }, per: 'year' } }, withLegal.value);
    expect(high.ok && high.value.periods[0]?.ratePercent).toEqual({ coefficient: 9n, scale: 0 });
  });

  it('says what is missing: a reference rate outside the tables, the payment date, a rate for a contract', () => {
    const late = lateInterest(
      c({ regime: 'eu', principal: 1n, currency: 'EUR' as CurrencyCode, due: d('2026-07-31'), paid: d('2026-08-31') }),
      tables,
    );
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'not_found', params: { series: 'ecb', halfYear: '2026-H2' } },
    });
    const open = lateInterest(
      c({
        regime: 'cn',
        principal: 10n,
        currency: 'CNY' as CurrencyCode,
        due: d('2025-01-31'),
        payments: [{ date: d('2025-02-10'), amount: 5n }],
      }),
      tables,
    );
    expect(open).toMatchObject({ ok: false, error: { code: 'missing_field', params: { field: 'paid' } } });
    expect(
      lateInterest(
        c({
          regime: 'contract',
          principal: 10n,
          currency: 'CNY' as CurrencyCode,
          due: d('2025-01-31'),
          paid: d('2025-02-01'),
        }),
        tables,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'missing_field', params: { field: 'rate' } },
    });
  });
});

/** half-up division, the test's own. */
function divide(n: bigint, dd: bigint): bigint {
  return (2n * n + dd) / (2n * dd);
}
