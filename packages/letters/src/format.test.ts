import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, isZero } from './format';

describe('formatAmount', () => {
  it('groups digits and sets the decimal mark per language, from the decimal string', () => {
    expect(formatAmount('1234.50', 'EUR', 'en')).toBe('1,234.50\u00a0EUR');
    expect(formatAmount('1234567.89', 'EUR', 'de')).toBe('1.234.567,89\u00a0EUR');
    expect(formatAmount('1234567.89', 'EUR', 'fr')).toBe('1\u00a0234\u00a0567,89\u00a0EUR');
    expect(formatAmount('1234.50', 'CNY', 'zh-CN')).toBe('1,234.50\u00a0CNY');
    expect(formatAmount('987654', 'JPY', 'zh-TW')).toBe('987,654\u00a0JPY');
  });

  it('keeps every digit of amounts a double cannot hold, and signs', () => {
    expect(formatAmount('90071992547409931.07', 'USD', 'en')).toBe('90,071,992,547,409,931.07\u00a0USD');
    expect(formatAmount('-100.5', 'EUR', 'de')).toBe('-100,5\u00a0EUR');
    expect(formatAmount('999.000', 'KWD', 'en')).toBe('999.000\u00a0KWD');
  });

  it('rejects what is not a decimal string', () => {
    expect(() => formatAmount('1e5', 'EUR', 'en')).toThrow(/not a decimal amount/);
    expect(() => formatAmount('1,234.50', 'EUR', 'en')).toThrow(/not a decimal amount/);
  });

  it('knows zero in any scale', () => {
    expect([isZero('0'), isZero('0.00'), isZero('-0.0'), isZero('0.01'), isZero('10')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('formatDate', () => {
  it('writes the date the way each language does', () => {
    const d = date('2026-03-05');
    expect(formatDate(d, 'en')).toBe('5 March 2026');
    expect(formatDate(d, 'de')).toBe('05.03.2026');
    expect(formatDate(d, 'fr')).toBe('05/03/2026');
    expect(formatDate(d, 'zh-CN')).toBe('2026年3月5日');
    expect(formatDate(d, 'zh-TW')).toBe('2026年3月5日');
    expect(formatDate(date('2025-12-31'), 'en')).toBe('31 December 2025');
  });
});
