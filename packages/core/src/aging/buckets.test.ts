import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BucketSet, bucketIndex, bucketSet, DEFAULT_BOUNDS, parseBuckets } from './buckets';

const must = (r: ReturnType<typeof bucketSet>): BucketSet => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('bucket sets', () => {
  it('default labels', () => {
    expect(must(bucketSet()).labels).toEqual(['not_due', '1-30', '31-60', '61-90', '91-180', '181-365', '365+']);
    expect(DEFAULT_BOUNDS).toEqual([30, 60, 90, 180, 365]);
  });

  it.each([
    ['30,60,90', ['not_due', '1-30', '31-60', '61-90', '90+']],
    [' 15 , 45 ', ['not_due', '1-15', '16-45', '45+']],
    ['1', ['not_due', '1-1', '1+']],
    ['7,14,21,28', ['not_due', '1-7', '8-14', '15-21', '22-28', '28+']],
  ])('%j → %j', (text, labels) => {
    expect(must(parseBuckets(text)).labels).toEqual(labels);
  });

  it.each([
    ['', 'not_numbers'],
    ['30,,60', 'not_numbers'],
    ['30;60', 'not_numbers'],
    ['-30,60', 'not_numbers'],
    ['30.5', 'not_numbers'],
    ['thirty', 'not_numbers'],
    ['0,30', 'must_increase'],
    ['60,30', 'must_increase'],
    ['30,30', 'must_increase'],
  ])('rejects %j (%s)', (text, reason) => {
    const r = parseBuckets(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_buckets', params: { reason } });
  });

  it('bucketSet rejects empty and non-integer bounds', () => {
    expect(bucketSet([])).toMatchObject({ ok: false, error: { code: 'invalid_buckets' } });
    expect(bucketSet([30.5])).toMatchObject({ ok: false, error: { code: 'invalid_buckets' } });
    expect(bucketSet([Number.NaN])).toMatchObject({ ok: false, error: { code: 'invalid_buckets' } });
  });
});

describe('bucketIndex boundaries (default buckets)', () => {
  const set = must(bucketSet());
  it.each([
    [-400, 'not_due'],
    [-1, 'not_due'],
    [0, 'not_due'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91-180'],
    [180, '91-180'],
    [181, '181-365'],
    [365, '181-365'],
    [366, '365+'],
    [10_000, '365+'],
  ])('%i days overdue → %s', (days, label) => {
    expect(set.labels[bucketIndex(set, days)]).toBe(label);
  });

  it('custom 30,60,90: 90 is in 61-90, 91 in 90+', () => {
    const custom = must(parseBuckets('30,60,90'));
    expect(custom.labels[bucketIndex(custom, 90)]).toBe('61-90');
    expect(custom.labels[bucketIndex(custom, 91)]).toBe('90+');
  });

  it('every day falls in exactly the bucket whose label range contains it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -50, max: 1100 }),
        (raw, days) => {
          const s = must(bucketSet([...raw].sort((a, b) => a - b)));
          const label = s.labels[bucketIndex(s, days)] ?? '';
          if (label === 'not_due') expect(days).toBeLessThanOrEqual(0);
          else if (label.endsWith('+')) expect(days).toBeGreaterThan(Number(label.slice(0, -1)));
          else {
            const [lo, hi] = label.split('-').map(Number);
            expect(days).toBeGreaterThanOrEqual(lo ?? Number.NaN);
            expect(days).toBeLessThanOrEqual(hi ?? Number.NaN);
          }
        },
      ),
    );
  });
});
