import { type BusinessDate, type CurrencyCode, convert, money, ok, type Result } from '@credence/core';
import type { LedgerReads } from '../ports';
import { netPortfolio, sumsByCurrency } from './net-portfolio';

/** One slice of the portfolio: its buyers and what they owe (net items) in the reporting currency. */
export interface ExposureSlice<K> {
  readonly key: K;
  readonly buyers: number;
  readonly amount: bigint;
}

export interface PortfolioExposure {
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode;
  readonly total: bigint;
  /** By the latest grade recorded by then (1 best … 10 worst; null: never graded), best first. */
  readonly byGrade: readonly ExposureSlice<number | null>[];
  /** By the buyer's country, largest first. */
  readonly byCountry: readonly ExposureSlice<string>[];
}

/**
 * What the portfolio owes as of a date by risk grade and by country (`GET /reports/exposure`): each buyer's
 * net items (credits set off, as the aging), summed per slice and currency and converted once per currency at
 * the rates of the date. A slice's amount is the total of `GET /documents?grade=…` or `?country=…`.
 */
export async function portfolioExposure(
  store: Pick<LedgerReads, 'portfolioPositions' | 'fxRates'>,
  q: { readonly asOf: BusinessDate; readonly reportingCurrency: CurrencyCode },
): Promise<Result<PortfolioExposure>> {
  const [buyers, rates] = await Promise.all([netPortfolio(store, q.asOf), store.fxRates()]);
  const slices = <K>(keyOf: (b: (typeof buyers)[number]) => K): Result<ExposureSlice<K>[]> => {
    const groups = new Map<K, typeof buyers>();
    for (const b of buyers) if (b.items.length > 0) groups.set(keyOf(b), [...(groups.get(keyOf(b)) ?? []), b]);
    const out: ExposureSlice<K>[] = [];
    for (const [key, members] of groups) {
      let amount = 0n;
      for (const s of sumsByCurrency(
        members.flatMap((b) => b.items.map((i) => ({ currency: i.currency, amount: i.open }))),
      )) {
        const c = convert(money(s.amount, s.currency), q.reportingCurrency, rates, q.asOf);
        if (!c.ok) return c;
        amount += c.value.amount;
      }
      out.push({ key, buyers: members.length, amount });
    }
    return ok(out);
  };
  const byGrade = slices((b) => b.grade ?? null);
  if (!byGrade.ok) return byGrade;
  const byCountry = slices((b) => b.country);
  if (!byCountry.ok) return byCountry;
  const grades = byGrade.value.sort((a, b) => (a.key ?? 99) - (b.key ?? 99));
  const countries = byCountry.value.sort((a, b) => (b.amount > a.amount ? 1 : b.amount < a.amount ? -1 : 0));
  // The whole, converted once per currency as the aging's total; a slice is rounded on its own, so the
  // slices may add up to a few minor units more or less than the total.
  const whole = slices(() => 'all');
  if (!whole.ok) return whole;
  const total = whole.value[0]?.amount ?? 0n;
  return ok({ asOf: q.asOf, currency: q.reportingCurrency, total, byGrade: grades, byCountry: countries });
}
