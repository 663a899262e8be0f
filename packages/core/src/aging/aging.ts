import { type BusinessDate, daysBetween } from '../calendar/date';
import type { OpenItem } from '../ledger/open-items';
import type { CurrencyCode } from '../money/currency';
import { type BucketSet, bucketIndex } from './buckets';

export interface BucketTotal {
  readonly label: string;
  readonly amount: bigint;
  readonly count: number;
}

/** One currency's aging: open items summed by bucket. `total` = sum of the buckets. */
export interface AgingReport {
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode;
  readonly buyerId?: string;
  readonly buckets: readonly BucketTotal[];
  readonly total: bigint;
  readonly count: number;
}

/** Raw sums per (currency, buyer?, bucket) as a store or the pure code computes them. */
export interface BucketCell {
  readonly currency: CurrencyCode;
  readonly buyerId?: string;
  readonly bucket: number;
  readonly amount: bigint;
  readonly count: number;
}

export function daysOverdue(dueDate: BusinessDate, asOf: BusinessDate): number {
  return daysBetween(dueDate, asOf);
}

/** Sums open items into bucket cells, per currency and, when `byBuyer`, per buyer. */
export function bucketCells(
  items: readonly OpenItem[],
  asOf: BusinessDate,
  set: BucketSet,
  byBuyer = false,
): BucketCell[] {
  const cells = new Map<
    string,
    { currency: CurrencyCode; buyerId?: string; bucket: number; amount: bigint; count: number }
  >();
  for (const it of items) {
    const bucket = bucketIndex(set, daysOverdue(it.dueDate, asOf));
    const key = `${it.currency}\u0000${byBuyer ? it.buyerId : ''}\u0000${bucket}`;
    const c = cells.get(key);
    if (c) {
      c.amount += it.open;
      c.count += 1;
    } else {
      cells.set(key, {
        currency: it.currency,
        ...(byBuyer ? { buyerId: it.buyerId } : {}),
        bucket,
        amount: it.open,
        count: 1,
      });
    }
  }
  return [...cells.values()];
}

/** Turns cells into one report per currency (and buyer), every bucket present, sorted. */
export function agingReports(cells: readonly BucketCell[], asOf: BusinessDate, set: BucketSet): AgingReport[] {
  const groups = new Map<string, { currency: CurrencyCode; buyerId?: string; amounts: bigint[]; counts: number[] }>();
  for (const c of cells) {
    const key = `${c.currency}\u0000${c.buyerId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        currency: c.currency,
        ...(c.buyerId !== undefined ? { buyerId: c.buyerId } : {}),
        amounts: set.labels.map(() => 0n),
        counts: set.labels.map(() => 0),
      };
      groups.set(key, g);
    }
    g.amounts[c.bucket] = (g.amounts[c.bucket] ?? 0n) + c.amount;
    g.counts[c.bucket] = (g.counts[c.bucket] ?? 0) + c.count;
  }
  const reports = [...groups.values()].map((g) => {
    const buckets = set.labels.map((label, i) => ({ label, amount: g.amounts[i] ?? 0n, count: g.counts[i] ?? 0 }));
    return {
      asOf,
      currency: g.currency,
      ...(g.buyerId !== undefined ? { buyerId: g.buyerId } : {}),
      buckets,
      total: buckets.reduce((s, b) => s + b.amount, 0n),
      count: buckets.reduce((s, b) => s + b.count, 0),
    };
  });
  return reports.sort((a, b) =>
    a.currency === b.currency ? ((a.buyerId ?? '') < (b.buyerId ?? '') ? -1 : 1) : a.currency < b.currency ? -1 : 1,
  );
}

/** Convenience for the pure path: open items → reports. */
export function ageOpenItems(
  items: readonly OpenItem[],
  asOf: BusinessDate,
  set: BucketSet,
  byBuyer = false,
): AgingReport[] {
  return agingReports(bucketCells(items, asOf, set, byBuyer), asOf, set);
}
