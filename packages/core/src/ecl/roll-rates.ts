import { type Fraction, ONE, ratio, times } from './loss-rate';

/**
 * Loss rates per aging bucket by the roll-rate (flow-rate) method. `snapshots[m][j]` is the balance in bucket
 * j at the end of month m (oldest first, N + 1 month-ends for N months of flows); buckets are a month wide but
 * the last. The flow from bucket j to j + 1 is Σ balance(j + 1, m + 1) / Σ balance(j, m) over the months (at
 * most 1); the last bucket is in default (IFRS 9 B5.5.37: 90 days past due) and its loss rate is
 * `defaultLoss` (1 without recovery data). The loss rate of bucket j is the product of the flows from j to the
 * last bucket times `defaultLoss`.
 */
export function rollRateLossRates(
  snapshots: readonly (readonly bigint[])[],
  defaultLoss: Fraction = ONE,
): { readonly flows: readonly Fraction[]; readonly rates: readonly Fraction[] } {
  const width = snapshots[0]?.length ?? 0;
  const flows: Fraction[] = [];
  for (let j = 0; j + 1 < width; j++) {
    let from = 0n;
    let to = 0n;
    for (let m = 0; m + 1 < snapshots.length; m++) {
      from += snapshots[m]?.[j] ?? 0n;
      to += snapshots[m + 1]?.[j + 1] ?? 0n;
    }
    flows.push(ratio(to, from));
  }
  const rates: Fraction[] = new Array(width);
  let acc = defaultLoss;
  for (let j = width - 1; j >= 0; j--) {
    if (j < width - 1) acc = times(flows[j] as Fraction, acc);
    rates[j] = acc;
  }
  return { flows, rates };
}
