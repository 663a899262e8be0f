import { fail, ok, type Result } from '../result';

/**
 * Aging buckets by days overdue. Upper bounds [30, 60, 90, 180, 365] give the default
 * not_due (≤ 0 days), 1-30, 31-60, 61-90, 91-180, 181-365, 365+ (more than 365 days).
 */
export interface BucketSet {
  readonly bounds: readonly number[];
  readonly labels: readonly string[];
}

export const DEFAULT_BOUNDS: readonly number[] = Object.freeze([30, 60, 90, 180, 365]);

export function bucketSet(bounds: readonly number[] = DEFAULT_BOUNDS): Result<BucketSet> {
  if (bounds.length === 0) return fail('invalid_buckets', { value: '', reason: 'empty' });
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i] ?? 0;
    if (!Number.isInteger(b) || b < 1 || (i > 0 && b <= (bounds[i - 1] ?? 0))) {
      return fail('invalid_buckets', { value: bounds.join(','), reason: 'must_increase' });
    }
  }
  const labels = ['not_due'];
  let lower = 1;
  for (const b of bounds) {
    labels.push(`${lower}-${b}`);
    lower = b + 1;
  }
  labels.push(`${bounds[bounds.length - 1]}+`);
  return ok(Object.freeze({ bounds: Object.freeze([...bounds]), labels: Object.freeze(labels) }));
}

export function parseBuckets(text: string): Result<BucketSet> {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^\d+$/.test(p))) return fail('invalid_buckets', { value: text, reason: 'not_numbers' });
  return bucketSet(parts.map(Number));
}

/** Index into `labels` for an item `daysOverdue` days past due (0 or less = not due). */
export function bucketIndex(set: BucketSet, daysOverdue: number): number {
  if (daysOverdue <= 0) return 0;
  for (let i = 0; i < set.bounds.length; i++) {
    if (daysOverdue <= (set.bounds[i] ?? 0)) return i + 1;
  }
  return set.bounds.length + 1;
}
