import { type BusinessDate, daysBetween } from '../calendar';
import type { HistoryInvoice } from './types';

/** A settled invoice reduced to what the features read. */
export interface SettledFact {
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly settledDate: BusinessDate;
  readonly daysLate: number;
  readonly daysToSettle: number;
  readonly disputed: boolean;
  readonly paperless: boolean;
  readonly amount: number;
}

/** Every buyer's invoices (settled ones by settlement date), for as-of look-ups. */
export interface HistoryIndex {
  readonly settled: ReadonlyMap<string, readonly SettledFact[]>;
  readonly invoices: ReadonlyMap<string, readonly HistoryInvoice[]>;
  readonly countryOf: ReadonlyMap<string, string>;
  /** All settled facts by settlement date, for the portfolio's and countries' means. */
  readonly all: readonly (SettledFact & { readonly country: string })[];
}

export function indexHistory(items: readonly HistoryInvoice[]): HistoryIndex {
  const settled = new Map<string, SettledFact[]>();
  const invoices = new Map<string, HistoryInvoice[]>();
  const countryOf = new Map<string, string>();
  const all: (SettledFact & { country: string })[] = [];
  for (const it of items) {
    const list = invoices.get(it.buyerId) ?? [];
    list.push(it);
    invoices.set(it.buyerId, list);
    if (it.country !== undefined) countryOf.set(it.buyerId, it.country);
    if (it.settledDate === undefined) continue;
    const fact: SettledFact = {
      issueDate: it.issueDate,
      dueDate: it.dueDate,
      settledDate: it.settledDate,
      daysLate: daysBetween(it.dueDate, it.settledDate),
      daysToSettle: daysBetween(it.issueDate, it.settledDate),
      disputed: it.disputed,
      paperless: it.paperless,
      amount: it.amount,
    };
    const s = settled.get(it.buyerId) ?? [];
    s.push(fact);
    settled.set(it.buyerId, s);
    all.push({ ...fact, country: it.country ?? '' });
  }
  const bySettle = (a: SettledFact, b: SettledFact): number =>
    a.settledDate < b.settledDate ? -1 : a.settledDate > b.settledDate ? 1 : a.issueDate < b.issueDate ? -1 : 1;
  for (const s of settled.values()) s.sort(bySettle);
  all.sort(bySettle);
  return { settled, invoices, countryOf, all };
}

/** The buyer's invoices settled strictly before `asOf` (what was known that morning), oldest settlement first. */
export function settledBefore(index: HistoryIndex, buyerId: string, asOf: BusinessDate): readonly SettledFact[] {
  const s = index.settled.get(buyerId) ?? [];
  let hi = s.length;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s[mid] as SettledFact).settledDate < asOf) lo = mid + 1;
    else hi = mid;
  }
  return s.slice(0, lo);
}
