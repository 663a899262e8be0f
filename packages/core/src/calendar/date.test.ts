import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type BusinessDate,
  date,
  daysBetween,
  daysInMonth,
  fromEpochDay,
  fromParts,
  isLeapYear,
  parseDate,
  toEpochDay,
} from './date';

/** Independent oracle: the JS engine's proleptic Gregorian calendar (setUTCFullYear keeps years < 100). */
function jsEpochDay(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / 86_400_000);
}

const anyDate = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('leap years', () => {
  it.each([
    [2000, true],
    [1900, false],
    [2100, false],
    [2024, true],
    [2023, false],
    [4, true],
    [400, true],
  ])('%i leap: %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
    expect(daysInMonth(y, 2)).toBe(leap ? 29 : 28);
    expect(parseDate(`${String(y).padStart(4, '0')}-02-29`).ok).toBe(leap);
  });
});

describe('parseDate', () => {
  it.each(['2024-02-29', '0001-01-01', '9999-12-31', ' 2024-01-05 '])('accepts %j', (t) => {
    expect(parseDate(t)).toEqual({ ok: true, value: t.trim() });
  });
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '0000-01-01',
    '2024-1-5',
    '24-01-05',
    '2024/01/05',
    '2024-01-05T00:00:00Z',
    '',
  ])('rejects %j', (t) => {
    const r = parseDate(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_date');
  });
  it('date() throws on a bad literal', () => expect(() => date('2023-02-29')).toThrow(RangeError));
  it('fromParts pads and validates', () => {
    expect(fromParts(7, 3, 9)).toEqual({ ok: true, value: '0007-03-09' });
    expect(fromParts(2024, 2, 30).ok).toBe(false);
  });
});

describe('epoch days', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['0001-01-01', -719162],
  ])('%s is day %i', (d, n) => {
    expect(toEpochDay(date(d))).toBe(n);
    expect(fromEpochDay(n)).toBe(d);
  });

  it('agrees with the JS calendar and round-trips over years 1..9999', () => {
    fc.assert(
      fc.property(anyDate, ({ y, m, d }) => {
        const s = date(iso(y, m, d));
        const n = toEpochDay(s);
        expect(n).toBe(jsEpochDay(y, m, d));
        expect(fromEpochDay(n)).toBe(s);
        expect(addDays(s, 0)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive epoch days are consecutive calendar days', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay(date('0001-01-01')), max: toEpochDay(date('9999-12-30')) }), (n) => {
        const a = fromEpochDay(n);
        const b = fromEpochDay(n + 1);
        expect(a < b).toBe(true);
        expect(daysBetween(a, b)).toBe(1);
        expect(parseDate(b).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('daysBetween across leap days', () => {
    expect(daysBetween(date('2024-01-31'), date('2024-03-01'))).toBe(30);
    expect(daysBetween(date('2023-01-31'), date('2023-03-01'))).toBe(29);
    expect(daysBetween(date('2000-02-28'), date('2000-03-01'))).toBe(2);
    expect(daysBetween(date('1900-02-28'), date('1900-03-01'))).toBe(1);
    expect(daysBetween(date('2024-01-01'), date('2025-01-01'))).toBe(366);
    expect(daysBetween(date('2025-01-01'), date('2024-01-01'))).toBe(-366);
    expect(addDays(date('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(date('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(date('2023-12-31'), 1)).toBe('2024-01-01');
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['1900-01-31', 1, '1900-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-05-15', -5, '2023-12-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-08-31', 0, '2024-08-31'],
    ['2024-10-31', -24, '2022-10-31'],
  ])('%s %+i months → %s', (d, n, expected) => {
    expect(addMonths(date(d), n)).toBe(expected);
  });

  it('keeps the day when the target month has it, else clamps to the month end', () => {
    fc.assert(
      fc.property(
        anyDate.filter(({ y }) => y > 100 && y < 9900),
        fc.integer({ min: -1200, max: 1200 }),
        ({ y, m, d }, n) => {
          const r = addMonths(date(iso(y, m, d)), n) as BusinessDate;
          const idx = y * 12 + m - 1 + n;
          const ty = Math.floor(idx / 12);
          const tm = (idx % 12) + 1;
          expect(r).toBe(iso(ty, tm, Math.min(d, daysInMonth(ty, tm))));
        },
      ),
    );
  });

  it('throws when leaving years 1..9999', () => {
    expect(() => addMonths(date('0001-01-15'), -1)).toThrow(RangeError);
    expect(() => addMonths(date('9999-12-15'), 1)).toThrow(RangeError);
  });
});
