import {
  type BusinessDate,
  bucketIndex,
  bucketSet,
  type CurrencyCode,
  convertParts,
  daysOverdue,
  type FxRate,
  type OpenItem,
  ok,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { netPortfolio, sumsByCurrency } from './net-portfolio';
import type { PortfolioFilter } from './ports';

export interface PortfolioDocumentsQuery extends PortfolioFilter {
  readonly asOf: BusinessDate;
  /** One aging bucket (index into the labels: 0 not due, 1 1–30 …). */
  readonly bucket?: number;
  /** Only what is past due (every bucket but "not due"). */
  readonly overdue?: boolean;
  readonly reportingCurrency: CurrencyCode;
  readonly bounds?: readonly number[];
  readonly offset?: number;
  readonly limit?: number;
}

export interface PortfolioDocument extends OpenItem {
  readonly name: string;
  readonly country: string;
  readonly grade?: number;
  readonly daysOverdue: number;
  readonly bucket: number;
}

export interface PortfolioDocuments {
  readonly asOf: BusinessDate;
  readonly labels: readonly string[];
  /** How many documents match (all pages). */
  readonly count: number;
  /** The page asked for: most overdue first, then by number. */
  readonly documents: readonly PortfolioDocument[];
  /** What the matching documents owe, per currency. */
  readonly sums: readonly { currency: CurrencyCode; amount: bigint }[];
  /**
   * Their sum in the reporting currency, converted as the aging converts its buckets (`convertParts` per
   * currency), so it equals the dashboard's figure it was opened from.
   */
  readonly reporting: { readonly currency: CurrencyCode; readonly amount: bigint };
}

/**
 * The documents behind a dashboard figure as of a date (`GET /documents`): each buyer's items at its net
 * position (credits set off, as the aging does), filtered by buyer, country, grade, bucket or past due.
 */
export async function portfolioDocuments(
  store: Pick<LedgerReads, 'portfolioPositions' | 'fxRates'>,
  q: PortfolioDocumentsQuery,
): Promise<Result<PortfolioDocuments>> {
  const set = bucketSet(q.bounds);
  if (!set.ok) return set;
  const filter = {
    ...(q.buyerId !== undefined ? { buyerId: q.buyerId } : {}),
    ...(q.country !== undefined ? { country: q.country } : {}),
    ...(q.grade !== undefined ? { grade: q.grade } : {}),
  };
  const [buyers, rates] = await Promise.all([netPortfolio(store, q.asOf, filter), store.fxRates()]);
  const all: PortfolioDocument[] = buyers.flatMap((b) =>
    b.items.map((i) => {
      const days = daysOverdue(i.dueDate, q.asOf);
      const graded = b.grade !== undefined ? { grade: b.grade } : {};
      return {
        ...i,
        name: b.name,
        country: b.country,
        ...graded,
        daysOverdue: days,
        bucket: bucketIndex(set.value, days),
      };
    }),
  );
  const chosen = (d: PortfolioDocument) =>
    q.bucket !== undefined ? d.bucket === q.bucket : q.overdue ? d.bucket > 0 : true;
  const reporting = reportingSum(all, set.value.labels.length, chosen, q.reportingCurrency, rates, q.asOf);
  if (!reporting.ok) return reporting;
  const docs = all.filter(chosen);
  docs.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const offset = q.offset ?? 0;
  return ok({
    asOf: q.asOf,
    labels: set.value.labels,
    count: docs.length,
    documents: docs.slice(offset, offset + (q.limit ?? 50)),
    sums: sumsByCurrency(docs.map((d) => ({ currency: d.currency, amount: d.open }))),
    reporting: { currency: q.reportingCurrency, amount: reporting.value },
  });
}

/** Per currency: the buckets of all the documents converted as the aging does, then the chosen ones' parts. */
function reportingSum(
  docs: readonly PortfolioDocument[],
  buckets: number,
  chosen: (d: PortfolioDocument) => boolean,
  to: CurrencyCode,
  rates: readonly FxRate[],
  asOf: BusinessDate,
): Result<bigint> {
  const perCurrency = new Map<CurrencyCode, { all: bigint[]; picked: boolean[] }>();
  for (const d of docs) {
    const c = perCurrency.get(d.currency) ?? { all: Array(buckets).fill(0n), picked: Array(buckets).fill(false) };
    c.all[d.bucket] = (c.all[d.bucket] ?? 0n) + d.open;
    if (chosen(d)) c.picked[d.bucket] = true;
    perCurrency.set(d.currency, c);
  }
  let total = 0n;
  for (const [currency, c] of perCurrency) {
    const converted = convertParts(c.all, currency, to, rates, asOf);
    if (!converted.ok) return converted;
    converted.value.parts.forEach((p, i) => {
      if (c.picked[i]) total += p;
    });
  }
  return ok(total);
}
