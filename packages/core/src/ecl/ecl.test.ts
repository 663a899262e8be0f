import { describe, expect, it } from 'vitest';
import { parseFraction, percentText } from './loss-rate';
import { provisionMatrix } from './provision-matrix';
import { rollRateLossRates } from './roll-rates';

describe('loss rates', () => {
  it('parse percentages and fractions exactly, refuse the rest', () => {
    expect(parseFraction('0.3%')).toEqual({ ok: true, value: { num: 3n, den: 1000n } });
    expect(parseFraction('10.6 %')).toEqual({ ok: true, value: { num: 106n, den: 1000n } });
    expect(parseFraction('0.003')).toEqual({ ok: true, value: { num: 3n, den: 1000n } });
    expect(parseFraction('-1%').ok).toBe(false);
    expect(parseFraction('abc').ok).toBe(false);
    expect(percentText({ num: 1n, den: 3n })).toBe('33.3333%');
  });

  it('a bucket without a rate is an error naming it', () => {
    expect(provisionMatrix([{ label: '1-30', exposure: 100n }], {})).toEqual({
      ok: false,
      error: { code: 'missing_field', params: { field: 'rates', label: '1-30' } },
    });
  });

  it('rounds each bucket once, half up, and the total is their sum', () => {
    const r = provisionMatrix(
      [
        { label: 'a', exposure: 5n },
        { label: 'b', exposure: 5n },
      ],
      { a: { num: 1n, den: 10n }, b: { num: 1n, den: 10n } },
    );
    expect(r.ok && r.value.buckets.map((b) => b.provision)).toEqual([1n, 1n]);
    expect(r.ok && r.value.total).toBe(2n);
  });

  it('roll rates: nothing to flow gives 0, flows are capped at 100 %', () => {
    const { flows, rates } = rollRateLossRates([
      [100n, 0n, 10n],
      [100n, 200n, 50n],
    ]);
    expect(flows).toEqual([
      { num: 1n, den: 1n },
      { num: 0n, den: 1n },
    ]);
    expect(rates.map((r) => percentText(r))).toEqual(['0%', '0%', '100%']);
  });
});
