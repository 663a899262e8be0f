/**
 * Measures of a PD model against outcomes: AUC (ties count half), KS, Brier score, and a calibration
 * table. Pure; `pds` and `labels` pair up by index.
 */

/** Area under the ROC curve: the chance a random defaulter scores above a random non-defaulter. */
export function auc(pds: readonly number[], labels: readonly number[]): number {
  const order = pds.map((_, i) => i).sort((a, b) => (pds[a] as number) - (pds[b] as number));
  let rankSum = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && pds[order[j + 1] as number] === pds[order[i] as number]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        rankSum += midRank;
        positives += 1;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Kolmogorov–Smirnov: the largest gap between the PD distributions of defaulters and the others. */
export function ks(pds: readonly number[], labels: readonly number[]): number {
  const order = pds.map((_, i) => i).sort((a, b) => (pds[b] as number) - (pds[a] as number));
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let tp = 0;
  let fp = 0;
  let best = 0;
  for (let i = 0; i < order.length; i++) {
    if (labels[order[i] as number] === 1) tp += 1;
    else fp += 1;
    const next = order[i + 1];
    if (next !== undefined && pds[next] === pds[order[i] as number]) continue;
    best = Math.max(best, Math.abs(tp / positives - fp / negatives));
  }
  return best;
}

/** Mean squared difference between PD and outcome. */
export function brier(pds: readonly number[], labels: readonly number[]): number {
  if (pds.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < pds.length; i++) s += ((pds[i] as number) - (labels[i] as number)) ** 2;
  return s / pds.length;
}

export interface CalibrationRow {
  /** PD range of the group (lowest, highest). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanPd: number;
  readonly defaultRate: number;
}

/** Rows sorted by PD and cut into `groups` groups of (nearly) equal size: predicted against observed. */
export function calibration(pds: readonly number[], labels: readonly number[], groups = 10): CalibrationRow[] {
  const order = pds.map((_, i) => i).sort((a, b) => (pds[a] as number) - (pds[b] as number));
  const out: CalibrationRow[] = [];
  for (let g = 0; g < groups; g++) {
    const part = order.slice(Math.floor((g * order.length) / groups), Math.floor(((g + 1) * order.length) / groups));
    if (part.length === 0) continue;
    const ps = part.map((i) => pds[i] as number);
    out.push({
      from: ps[0] as number,
      to: ps[ps.length - 1] as number,
      count: part.length,
      meanPd: ps.reduce((s, x) => s + x, 0) / part.length,
      defaultRate: part.filter((i) => labels[i] === 1).length / part.length,
    });
  }
  return out;
}
