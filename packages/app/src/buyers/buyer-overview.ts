import {
  type BusinessDate,
  bucketIndex,
  bucketSet,
  type CurrencyCode,
  convert,
  convertParts,
  daysOverdue,
  type LimitEvent,
  limitState,
  money,
  ok,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { netPortfolio } from '../reports/net-portfolio';

export const OVERVIEW_SORTS = ['name', 'total', 'overdue', 'days', 'grade', 'utilisation'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

export interface BuyerOverviewQuery {
  readonly asOf: BusinessDate;
  readonly reportingCurrency: CurrencyCode;
  /** Part of the id or name, any case. */
  readonly search?: string;
  readonly country?: string;
  /** The latest grade recorded on or before the date. */
  readonly grade?: number;
  readonly tier?: string;
  readonly collector?: string;
  /** Only buyers with something past due. */
  readonly overdue?: boolean;
  /** Only buyers with something in this aging bucket (0 not due, 1 1–30 …); `inBucket` then gives it. */
  readonly bucket?: number;
  readonly sort?: OverviewSort;
  readonly descending?: boolean;
  readonly offset?: number;
  readonly limit?: number;
}

export interface BuyerOverviewRow {
  readonly buyerId: string;
  readonly name: string;
  readonly country: string;
  readonly collector?: string;
  readonly grade?: number;
  readonly tier?: string;
  /** Net open receivables (the aging's figure for the buyer) in the reporting currency. */
  readonly total: bigint;
  /** The past-due part of `total`. */
  readonly overdue: bigint;
  /** With a bucket asked for: what is in it, in the reporting currency. */
  readonly inBucket?: bigint;
  /** Days past due of the oldest item still owed (0 when nothing is). */
  readonly daysOverdue: number;
  /** The limit in force and the exposure in per mille of it (exposure as `buyersOverLimit` counts it). */
  readonly limit?: { readonly amount: bigint; readonly currency: CurrencyCode; readonly perMille: number };
}

export interface BuyerOverview {
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode;
  /** The aging buckets' labels (what `bucket` indexes). */
  readonly labels: readonly string[];
  /** Every buyer's country and collector, each once and sorted: the filters' choices. */
  readonly countries: readonly string[];
  readonly collectors: readonly string[];
  /** How many buyers match (all pages). */
  readonly count: number;
  readonly buyers: readonly BuyerOverviewRow[];
}

/**
 * The buyers list of the web workspace (`GET /buyer-overview`): every buyer with its aging figures (net
 * positions, as the aging and the dashboard count them), grade and limit utilisation, filtered, sorted and a
 * page of it. A fixed number of set-based reads whatever the number of buyers: the buyers, the portfolio's
 * open items and unapplied cash (`portfolioPositions`), the latest grades, the limit events and the rates.
 */
export async function buyerOverview(
  store: Pick<LedgerReads, 'listBuyers' | 'portfolioPositions' | 'latestGrades' | 'limitEventsUpTo' | 'fxRates'>,
  q: BuyerOverviewQuery,
): Promise<Result<BuyerOverview>> {
  const set = bucketSet();
  if (!set.ok) return set;
  const [buyers, positions, grades, events, rates] = await Promise.all([
    store.listBuyers(),
    netPortfolio(store, q.asOf),
    store.latestGrades(q.asOf),
    store.limitEventsUpTo(q.asOf),
    store.fxRates(),
  ]);
  const owed = new Map(positions.map((p) => [p.buyerId, p]));
  const graded = new Map(grades.map((g) => [g.buyerId, g]));
  const limits = new Map<string, LimitEvent[]>();
  for (const e of events) limits.set(e.buyerId, [...(limits.get(e.buyerId) ?? []), e]);
  const needle = q.search?.trim().toLowerCase() ?? '';
  const rows: BuyerOverviewRow[] = [];
  for (const b of buyers) {
    if (needle !== '' && !b.id.toLowerCase().includes(needle) && !b.name.toLowerCase().includes(needle)) continue;
    if (q.country !== undefined && b.country !== q.country) continue;
    if (q.collector !== undefined && b.collector !== q.collector) continue;
    const g = graded.get(b.id);
    if (q.grade !== undefined && g?.grade !== q.grade) continue;
    if (q.tier !== undefined && g?.tier !== q.tier) continue;
    const p = owed.get(b.id);
    // Per currency: [not due, overdue, in the bucket asked for] and the credit left, each converted as the aging does.
    const perCurrency = new Map<CurrencyCode, bigint[]>();
    let days = 0;
    for (const i of p?.items ?? []) {
      const d = daysOverdue(i.dueDate, q.asOf);
      if (i.open > 0n) days = Math.max(days, d);
      const parts = perCurrency.get(i.currency) ?? [0n, 0n, 0n];
      parts[d > 0 ? 1 : 0] = (parts[d > 0 ? 1 : 0] ?? 0n) + i.open;
      if (q.bucket !== undefined && bucketIndex(set.value, d) === q.bucket) parts[2] = (parts[2] ?? 0n) + i.open;
      perCurrency.set(i.currency, parts);
    }
    let total = 0n;
    let overdue = 0n;
    let inBucket = 0n;
    const exposure = new Map<CurrencyCode, bigint>();
    for (const [currency, parts] of perCurrency) {
      const c = convertParts(parts, currency, q.reportingCurrency, rates, q.asOf);
      if (!c.ok) return c;
      total += (c.value.parts[0] ?? 0n) + (c.value.parts[1] ?? 0n);
      overdue += c.value.parts[1] ?? 0n;
      inBucket += c.value.parts[2] ?? 0n;
      exposure.set(currency, (parts[0] ?? 0n) + (parts[1] ?? 0n));
    }
    if (q.overdue && overdue <= 0n) continue;
    if (q.bucket !== undefined && inBucket <= 0n) continue;
    for (const c of p?.creditBalance ?? []) exposure.set(c.currency, (exposure.get(c.currency) ?? 0n) - c.amount);
    const current = limitState(limits.get(b.id) ?? [], q.asOf).current;
    let limit: BuyerOverviewRow['limit'];
    if (current !== undefined) {
      let used = 0n;
      for (const [currency, amount] of exposure) {
        const c = convert(money(amount, currency), current.currency, rates, q.asOf);
        if (!c.ok) return c;
        used += c.value.amount;
      }
      const perMille = current.amount === 0n ? (used > 0n ? 1_000_000 : 0) : Number((used * 1000n) / current.amount);
      limit = { amount: current.amount, currency: current.currency, perMille };
    }
    rows.push({
      buyerId: b.id,
      name: b.name,
      country: b.country,
      ...(b.collector !== undefined ? { collector: b.collector } : {}),
      ...(g !== undefined ? { grade: g.grade, tier: g.tier } : {}),
      total,
      overdue,
      ...(q.bucket !== undefined ? { inBucket } : {}),
      daysOverdue: days,
      ...(limit !== undefined ? { limit } : {}),
    });
  }
  rows.sort(comparator(q.sort ?? 'name', q.descending ?? false));
  const offset = q.offset ?? 0;
  const distinct = (xs: readonly (string | undefined)[]) =>
    [...new Set(xs.filter((x): x is string => x !== undefined && x !== ''))].sort(byText);
  return ok({
    asOf: q.asOf,
    currency: q.reportingCurrency,
    labels: set.value.labels,
    countries: distinct(buyers.map((b) => b.country)),
    collectors: distinct(buyers.map((b) => b.collector)),
    count: rows.length,
    buyers: rows.slice(offset, offset + (q.limit ?? 25)),
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** The order asked for; ties (and rows without the key, always last) by name then id. */
function comparator(sort: OverviewSort, descending: boolean) {
  const key = (r: BuyerOverviewRow): bigint | number | string | undefined =>
    sort === 'name'
      ? r.name.toLowerCase()
      : sort === 'total'
        ? (r.inBucket ?? r.total)
        : sort === 'overdue'
          ? r.overdue
          : sort === 'days'
            ? r.daysOverdue
            : sort === 'grade'
              ? r.grade
              : r.limit?.perMille;
  return (a: BuyerOverviewRow, b: BuyerOverviewRow) => {
    const x = key(a);
    const y = key(b);
    const tie = byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.buyerId, b.buyerId);
    if (x === undefined || y === undefined) return x === y ? tie : x === undefined ? 1 : -1;
    const c =
      typeof x === 'string' && typeof y === 'string'
        ? byText(x, y)
        : typeof x === 'bigint' && typeof y === 'bigint'
          ? byBig(x, y)
          : Number(x) - Number(y);
    return (descending ? -c : c) || tie;
  };
}
