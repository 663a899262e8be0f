import { describe, expect, it } from 'vitest';
import { parseDateWithFormat } from './date-format';

describe('parseDateWithFormat', () => {
  it.each([
    ['3/7/2013', 'M/D/YYYY', '2013-03-07'],
    ['12/31/2013', 'M/D/YYYY', '2013-12-31'],
    ['03/07/2013', 'M/D/YYYY', '2013-03-07'],
    ['2/29/2024', 'M/D/YYYY', '2024-02-29'],
    ['07.03.2013', 'DD.MM.YYYY', '2013-03-07'],
    ['29.02.2000', 'DD.MM.YYYY', '2000-02-29'],
    ['7/3/13', 'D/M/YY', '2013-03-07'],
    ['20130307', 'YYYYMMDD', '2013-03-07'],
    ['2013-03-07', 'YYYY-MM-DD', '2013-03-07'],
    ['2013-03-07', undefined, '2013-03-07'],
    [' 3/7/2013 ', 'M/D/YYYY', '2013-03-07'],
  ])('%j with %s → %s', (text, format, expected) => {
    expect(parseDateWithFormat(text, format)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2/30/2024', 'M/D/YYYY'], // no 30 February
    ['2/29/2023', 'M/D/YYYY'], // 2023 is not a leap year
    ['2/29/1900', 'M/D/YYYY'], // nor 1900
    ['13/1/2024', 'M/D/YYYY'],
    ['0/1/2024', 'M/D/YYYY'],
    ['3/7/13', 'M/D/YYYY'], // two-digit year where four are required
    ['7.3.2013', 'DD.MM.YYYY'], // DD and MM want two digits
    ['07-03-2013', 'DD.MM.YYYY'], // wrong separator; '.' is literal, not a wildcard
    ['2013-03-07', 'M/D/YYYY'],
    ['3/7/2013 10:00', 'M/D/YYYY'],
    ['', 'M/D/YYYY'],
    ['2024-02-30', undefined],
  ])('rejects %j with %s', (text, format) => {
    const r = parseDateWithFormat(text, format);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_date');
  });
});
