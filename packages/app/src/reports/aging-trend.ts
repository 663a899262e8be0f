import {
  type BusinessDate,
  bucketSet,
  type CurrencyCode,
  daysInMonth,
  fromParts,
  ok,
  parts,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { agingOf } from './report-aging';

export interface AgingTrendPoint {
  readonly asOf: BusinessDate;
  /** The aging's buckets in the reporting currency (as `reportAging` converts them), and their total. */
  readonly buckets: readonly bigint[];
  readonly total: bigint;
}

export interface AgingTrend {
  readonly currency: CurrencyCode;
  readonly labels: readonly string[];
  /** Oldest first: the month-ends before `asOf`, then `asOf` itself. */
  readonly points: readonly AgingTrendPoint[];
}

/** The last day of the month `back` months before the month of `d` (back ≥ 1). */
export function monthEndBefore(d: BusinessDate, back: number): BusinessDate {
  const [y, m] = parts(d);
  const index = y * 12 + (m - 1) - back;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const r = fromParts(year, month, daysInMonth(year, month));
  if (!r.ok) throw new Error(`no month-end for ${d} − ${back}`);
  return r.value;
}

/**
 * The aging by bucket at each of the last `months` month-ends, the last point being `asOf` itself
 * (`GET /reports/aging-trend`): one set-based read of every date (`agingPositionsAt`), each date then aged as
 * `reportAging` ages it, in the reporting currency at that date's rates.
 */
export async function agingTrend(
  store: LedgerReads,
  q: { readonly asOf: BusinessDate; readonly months?: number; readonly reportingCurrency: CurrencyCode },
): Promise<Result<AgingTrend>> {
  const months = q.months ?? 12;
  const dates = [...Array.from({ length: months - 1 }, (_, i) => monthEndBefore(q.asOf, months - 1 - i)), q.asOf];
  const set = bucketSet();
  if (!set.ok) return set;
  const [reads, rates] = await Promise.all([store.agingPositionsAt(dates, set.value.bounds), store.fxRates()]);
  const points: AgingTrendPoint[] = [];
  for (const [i, asOf] of dates.entries()) {
    const read = reads[i];
    if (read === undefined) throw new Error(`no aging read for ${asOf}`);
    const r = await agingOf(store, read, { asOf, reportingCurrency: q.reportingCurrency }, rates);
    if (!r.ok) return r;
    const rep = r.value.reporting;
    points.push({ asOf, buckets: rep?.buckets ?? set.value.labels.map(() => 0n), total: rep?.total ?? 0n });
  }
  return ok({ currency: q.reportingCurrency, labels: set.value.labels, points });
}
