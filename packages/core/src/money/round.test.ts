import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, type RoundingMode, splitLargestRemainder } from './round';

const MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'floor', 'ceiling'];

describe('divideRounded', () => {
  // numerator, denominator, then half-up, half-even, down, floor, ceiling
  it.each([
    [10n, 4n, 3n, 2n, 2n, 2n, 3n], // 2.5
    [-10n, 4n, -3n, -2n, -2n, -3n, -2n], // -2.5
    [10n, -4n, -3n, -2n, -2n, -3n, -2n], // -2.5
    [-10n, -4n, 3n, 2n, 2n, 2n, 3n], // 2.5
    [14n, 4n, 4n, 4n, 3n, 3n, 4n], // 3.5
    [-14n, 4n, -4n, -4n, -3n, -4n, -3n], // -3.5
    [7n, 3n, 2n, 2n, 2n, 2n, 3n], // 2.33
    [8n, 3n, 3n, 3n, 2n, 2n, 3n], // 2.67
    [-7n, 3n, -2n, -2n, -2n, -3n, -2n], // -2.33
    [-8n, 3n, -3n, -3n, -2n, -3n, -2n], // -2.67
    [1n, 2n, 1n, 0n, 0n, 0n, 1n], // 0.5
    [-1n, 2n, -1n, 0n, 0n, -1n, 0n], // -0.5
    [3n, 2n, 2n, 2n, 1n, 1n, 2n], // 1.5
    [6n, 3n, 2n, 2n, 2n, 2n, 2n], // exact
    [-6n, 3n, -2n, -2n, -2n, -2n, -2n], // exact
    [0n, 7n, 0n, 0n, 0n, 0n, 0n],
    [1n, 3n, 0n, 0n, 0n, 0n, 1n], // 0.33
    [-1n, 3n, 0n, 0n, 0n, -1n, 0n], // -0.33
  ])('%s / %s', (n, d, halfUp, halfEven, down, floor, ceiling) => {
    expect(MODES.map((m) => divideRounded(n, d, m))).toEqual([halfUp, halfEven, down, floor, ceiling]);
  });

  it('is exact beyond 2^53', () => {
    const n = 2n ** 64n + 1n;
    expect(divideRounded(n, 2n, 'half-up')).toBe(2n ** 63n + 1n);
    expect(divideRounded(n, 2n, 'half-even')).toBe(2n ** 63n);
    expect(divideRounded(n, 2n, 'down')).toBe(2n ** 63n);
  });

  it('throws on division by zero', () => {
    expect(() => divideRounded(1n, 0n, 'half-up')).toThrow(RangeError);
  });

  // q is the rounded value of n/d iff the scaled error e = n·d − q·d² (= (n/d − q)·d², d² > 0) has the
  // right sign and size for the mode. This states each mode from its definition, not from the code.
  it('meets the definition of each mode for any operands', () => {
    const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), nonZero, (n, d) => {
        const d2 = d * d;
        const err = (q: bigint) => n * d - q * d2;
        const exactlyHalf = (q: bigint) => 2n * (err(q) < 0n ? -err(q) : err(q)) === d2;
        const up = divideRounded(n, d, 'half-up');
        expect(2n * (err(up) < 0n ? -err(up) : err(up)) <= d2).toBe(true);
        if (exactlyHalf(up)) expect((up < 0n ? -up : up) * d2 > (n * d < 0n ? -n * d : n * d)).toBe(true);
        const even = divideRounded(n, d, 'half-even');
        expect(2n * (err(even) < 0n ? -err(even) : err(even)) <= d2).toBe(true);
        if (exactlyHalf(even)) expect(even % 2n).toBe(0n);
        const floor = divideRounded(n, d, 'floor');
        expect(err(floor) >= 0n && err(floor) < d2).toBe(true);
        const ceiling = divideRounded(n, d, 'ceiling');
        expect(err(ceiling) <= 0n && err(ceiling) > -d2).toBe(true);
        const down = divideRounded(n, d, 'down');
        expect(down).toBe(n * d >= 0n ? floor : ceiling);
      }),
    );
  });
});

describe('splitLargestRemainder', () => {
  it.each([
    [10000n, [1n, 1n, 1n], [3334n, 3333n, 3333n]],
    [100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    [-100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    [101n, [1n, 1n], [51n, 50n]],
    [5n, [1n, 2n, 2n], [1n, 2n, 2n]],
    [7n, [1n, 2n, 2n], [1n, 3n, 3n]], // exact shares 1.4, 2.8, 2.8: two units go to the .8s
    [1n, [1n, 1n, 1n], [1n, 0n, 0n]],
    [2n, [1n, 1n, 1n], [1n, 1n, 0n]],
    [0n, [3n, 4n], [0n, 0n]],
    [10n, [0n, 3n], [0n, 10n]],
    [100n, [50n, 30n, 20n], [50n, 30n, 20n]],
  ])('%s by %s → %s', (total, weights, parts) => {
    expect(splitLargestRemainder(total, weights)).toEqual(parts);
  });

  it('rejects no weights, negative weights and a zero sum', () => {
    expect(() => splitLargestRemainder(10n, [])).toThrow(RangeError);
    expect(() => splitLargestRemainder(10n, [0n, 0n])).toThrow(RangeError);
    expect(() => splitLargestRemainder(10n, [5n, -1n])).toThrow(RangeError);
  });

  it('parts add up to the total and each is within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 12 })
          .filter((ws) => ws.some((w) => w > 0n)),
        (total, weights) => {
          const parts = splitLargestRemainder(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const sumW = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            // |p − total·w/sumW| < 1  ⇔  |p·sumW − total·w| < sumW
            const diff = p * sumW - total * (weights[i] ?? 0n);
            expect((diff < 0n ? -diff : diff) < sumW).toBe(true);
            if (weights[i] === 0n) expect(p).toBe(0n);
          });
        },
      ),
    );
  });
});
