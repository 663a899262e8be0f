import type { LetterLanguage } from '@credence/app';
import { type BusinessDate, parts } from '@credence/core';

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** Digit grouping and decimal mark per language; French groups with a no-break space (Noto Sans SC has no narrow one). */
const NUMBERS: Record<LetterLanguage, { readonly group: string; readonly decimal: string }> = {
  en: { group: ',', decimal: '.' },
  'zh-CN': { group: ',', decimal: '.' },
  'zh-TW': { group: ',', decimal: '.' },
  de: { group: '.', decimal: ',' },
  fr: { group: '\u00a0', decimal: ',' },
};

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * "1234.50", "EUR" → "1,234.50 EUR" (en), "1.234,50 EUR" (de), "1 234,50 EUR" (fr), by string operations on
 * the decimal string, never through a float. Amount and code are joined by a no-break space so they never part.
 */
export function formatAmount(amount: string, currency: string, language: LetterLanguage): string {
  const m = DECIMAL.exec(amount);
  if (!m) throw new RangeError(`not a decimal amount: "${amount}"`);
  const [, sign = '', whole = '', fraction] = m;
  const { group, decimal } = NUMBERS[language];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return `${sign}${grouped}${fraction === undefined ? '' : decimal + fraction}\u00a0${currency}`;
}

/** True for "0", "0.00", "-0.0". */
export const isZero = (amount: string): boolean => /^-?0+(\.0+)?$/.test(amount);

/** "15 March 2026" (en), "15.03.2026" (de), "15/03/2026" (fr), "2026年3月15日" (zh). */
export function formatDate(date: BusinessDate, language: LetterLanguage): string {
  const [y, m, d] = parts(date);
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  switch (language) {
    case 'en':
      return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'de':
      return `${dd}.${mm}.${y}`;
    case 'fr':
      return `${dd}/${mm}/${y}`;
    case 'zh-CN':
    case 'zh-TW':
      return `${y}年${m}月${d}日`;
  }
}
