import { describe, expect, it } from 'vitest';
import { binOf, binRows, cutPoints, MISSING } from './binning';

describe('cutPoints', () => {
  it('cuts midway between every pair of distinct values when they are few', () => {
    expect([...cutPoints([3, 1, 2, 2, Number.NaN, 1], 8)]).toEqual([1.5, 2.5]);
  });
  it('cuts at quantiles when there are more distinct values than bins', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const cuts = cutPoints(values, 4);
    expect(cuts.length).toBe(3);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[binOf(cuts, v)] = (counts[binOf(cuts, v)] ?? 0) + 1;
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(240);
  });
  it('has no cut for a constant or all-missing feature', () => {
    expect(cutPoints([7, 7, 7], 8).length).toBe(0);
    expect(cutPoints([Number.NaN], 8).length).toBe(0);
  });
});

describe('binOf', () => {
  it('puts a value equal to a cut on its left, and NaN in the missing bin', () => {
    const cuts = Float64Array.from([1.5, 2.5]);
    expect([0, 1.5, 1.6, 2.5, 99].map((v) => binOf(cuts, v))).toEqual([0, 0, 1, 1, 2]);
    expect(binOf(cuts, Number.NaN)).toBe(MISSING);
  });
});

describe('binRows', () => {
  it('bins column by column', () => {
    const b = binRows(
      [
        [1, Number.NaN],
        [2, 5],
        [3, 5],
      ],
      2,
    );
    expect([...(b.bins[0] ?? [])]).toEqual([0, 1, 2]);
    expect([...(b.bins[1] ?? [])]).toEqual([MISSING, 0, 0]);
    expect(() => binRows([], 1, 300)).toThrow(RangeError);
  });
});
