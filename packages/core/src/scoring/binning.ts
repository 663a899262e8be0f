/**
 * Cut points per feature for histogram-based tree growth: each feature's values are mapped to at most
 * `maxBins` ordered bins (quantiles of its distinct values), a missing value to bin `MISSING`.
 */
export const MISSING = 255;

export interface Binned {
  /** Per feature: ascending thresholds; bin b holds values in (cuts[b-1], cuts[b]], the last bin the rest. */
  readonly cuts: readonly Float64Array[];
  /** Per feature, per row: the bin (0..cuts.length) or MISSING. Column-major for cache-friendly scans. */
  readonly bins: readonly Uint8Array[];
}

/** Thresholds that split the distinct values of one feature into at most `maxBins` bins of similar counts. */
export function cutPoints(values: readonly number[], maxBins: number): Float64Array {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return new Float64Array(0);
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === v)
      counts[counts.length - 1] = (counts.at(-1) ?? 0) + 1;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  const cuts: number[] = [];
  const per = sorted.length / maxBins;
  let seen = 0;
  let next = per;
  for (let i = 0; i < distinct.length - 1; i++) {
    seen += counts[i] ?? 0;
    if (distinct.length <= maxBins || seen >= next) {
      // Midway between neighbours, so a value seen later between them falls on a stable side.
      cuts.push(((distinct[i] ?? 0) + (distinct[i + 1] ?? 0)) / 2);
      while (next <= seen) next += per;
    }
  }
  return Float64Array.from(cuts.slice(0, maxBins - 1));
}

/** The bin of a value: the first threshold it does not exceed. */
export function binOf(cuts: Float64Array, v: number): number {
  if (Number.isNaN(v)) return MISSING;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= (cuts[mid] ?? 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bins every feature of the rows (row-major input). */
export function binRows(rows: readonly ArrayLike<number>[], features: number, maxBins = 64): Binned {
  if (maxBins < 2 || maxBins > 255) throw new RangeError(`maxBins ${maxBins} is not in 2..255`);
  const cuts: Float64Array[] = [];
  const bins: Uint8Array[] = [];
  for (let f = 0; f < features; f++) {
    const column = rows.map((r) => r[f] ?? Number.NaN);
    const c = cutPoints(column, maxBins);
    const b = new Uint8Array(rows.length);
    for (let i = 0; i < column.length; i++) b[i] = binOf(c, column[i] ?? Number.NaN);
    cuts.push(c);
    bins.push(b);
  }
  return { cuts, bins };
}
