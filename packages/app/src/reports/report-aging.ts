import {
  type AgingReport,
  agingReports,
  type BusinessDate,
  bucketSet,
  type CurrencyCode,
  convertParts,
  ok,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';

export interface AgingQuery {
  readonly asOf: BusinessDate;
  /** Upper bounds of the overdue buckets; default 30,60,90,180,365. */
  readonly bounds?: readonly number[];
  readonly byBuyer?: boolean;
  /** Adds a total converted into this currency with the FX rates in force on `asOf`. */
  readonly reportingCurrency?: CurrencyCode;
}

export interface AgingResult {
  readonly asOf: BusinessDate;
  readonly labels: readonly string[];
  /** One report per currency (and per buyer with `byBuyer`). */
  readonly reports: readonly AgingReport[];
  /** Cash received but not applied to any document, per currency (shown beside the aging, not in it). */
  readonly unappliedCash: readonly { currency: CurrencyCode; amount: bigint }[];
  readonly reporting?: { readonly currency: CurrencyCode; readonly buckets: readonly bigint[]; readonly total: bigint };
}

/** Portfolio or per-buyer aging as of a date, per currency, optionally with a reporting-currency total. */
export async function reportAging(store: LedgerReads, q: AgingQuery): Promise<Result<AgingResult>> {
  const set = bucketSet(q.bounds);
  if (!set.ok) return set;
  const byBuyer = q.byBuyer ?? false;
  const [cells, unapplied] = await Promise.all([
    store.agingCells(q.asOf, set.value.bounds, byBuyer),
    store.unappliedCash(q.asOf),
  ]);
  const reports = agingReports(cells, q.asOf, set.value);
  if (!byBuyer) {
    // A currency with nothing open but cash on account still gets its (empty) report, so the cash shows.
    for (const u of unapplied) {
      if (u.amount === 0n || reports.some((r) => r.currency === u.currency)) continue;
      const buckets = set.value.labels.map((label) => ({ label, amount: 0n, count: 0 }));
      reports.push({ asOf: q.asOf, currency: u.currency, buckets, total: 0n, count: 0 });
    }
    reports.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  }
  const perCurrency = new Map<CurrencyCode, bigint>();
  for (const u of unapplied) perCurrency.set(u.currency, (perCurrency.get(u.currency) ?? 0n) + u.amount);
  const unappliedCash = [...perCurrency].map(([currency, amount]) => ({ currency, amount }));
  unappliedCash.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  const base = { asOf: q.asOf, labels: set.value.labels, reports, unappliedCash };
  if (q.reportingCurrency === undefined) return ok(base);
  const to = q.reportingCurrency;
  const rates = await store.fxRates();
  const buckets = set.value.labels.map(() => 0n);
  for (const r of reports) {
    const c = convertParts(
      r.buckets.map((b) => b.amount),
      r.currency,
      to,
      rates,
      q.asOf,
    );
    if (!c.ok) return c;
    c.value.parts.forEach((p, i) => {
      buckets[i] = (buckets[i] ?? 0n) + p;
    });
  }
  return ok({ ...base, reporting: { currency: to, buckets, total: buckets.reduce((s, x) => s + x, 0n) } });
}
