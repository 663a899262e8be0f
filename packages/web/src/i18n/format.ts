// Numbers, money, percentages and dates for the chosen language, with Intl (no library).
import type { Lang } from './translate';

export interface MoneyJson {
  readonly amount: string;
  readonly currency: string;
}

/**
 * Money as the API sends it (an exact decimal string): formatted from the string itself, so amounts beyond 2^53
 * minor units keep every digit (Intl.NumberFormat v3 formats decimal strings exactly).
 */
export function formatMoney(lang: Lang, m: MoneyJson): string {
  const f = new Intl.NumberFormat(lang, { style: 'currency', currency: m.currency });
  return f.format(m.amount as `${number}`);
}

/** Money without its currency sign (tables where the column says the currency). */
export function formatAmount(lang: Lang, m: MoneyJson): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).resolvedOptions()
    .maximumFractionDigits;
  const f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return f.format(m.amount as `${number}`);
}

export function formatNumber(lang: Lang, n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
}

/** A percentage given in percent (12.5 → 12.5 %). */
export function formatPercent(lang: Lang, percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** A business date YYYY-MM-DD, read as a calendar date (never shifted by a time zone). */
export function formatDate(lang: Lang, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return isoDate;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
