import { describe, expect, it } from 'vitest';
import { cellText, excelDate, excelNumber } from './excel-values';

describe('excelNumber', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1234.56, '1234.56'],
    [-0.5, '-0.5'],
    [100, '100'],
    [0, '0'],
    [1e-7, '0.0000001'],
    [123456789.123, '123456789.123'],
    [1.005 * 1000, '1005'],
    [2 ** 60, '1152921504606850000'],
    [-12.3400000000001, '-12.3400000000001'],
    [9007199254740991, '9007199254740991'],
  ])('%s → %s', (n, text) => {
    expect(excelNumber(n)).toBe(text);
  });

  it('refuses non-finite numbers', () => {
    expect(() => excelNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe('cellText', () => {
  it('turns dates, formulas, rich text, booleans and errors into text', () => {
    expect(excelDate(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(cellText(new Date(Date.UTC(2013, 0, 2, 13, 30)))).toBe('2013-01-02');
    expect(cellText({ formula: 'A1+A2', result: 0.30000000000000004 })).toBe('0.3');
    expect(cellText({ richText: [{ text: 'Acme ' }, { text: 'GmbH' }] })).toBe('Acme GmbH');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });
});
