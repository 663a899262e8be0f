import { Rng } from '../random';
import { binRows } from './binning';
import { growTree, type TreeParams } from './grow-tree';
import { type GbdtModel, leafOf, sigmoid, type Tree } from './model';

export interface LabelledRows {
  readonly features: readonly string[];
  /** One array per row, values in the order of `features`; NaN = missing. */
  readonly rows: readonly ArrayLike<number>[];
  /** 1 = defaulted, 0 = did not. */
  readonly labels: readonly number[];
}

export interface GbdtParams extends TreeParams {
  readonly trees: number;
  /** Share of rows each tree sees (drawn per tree). */
  readonly subsample: number;
  /** Share of features each tree may split on (drawn per tree). */
  readonly colsample: number;
  readonly maxBins: number;
  readonly seed: number;
}

export const DEFAULT_GBDT: GbdtParams = {
  trees: 400,
  learningRate: 0.05,
  maxDepth: 5,
  minChildWeight: 1,
  lambda: 1,
  gamma: 0,
  subsample: 0.8,
  colsample: 0.7,
  maxBins: 64,
  seed: 1,
};

/**
 * Trains gradient-boosted trees on the log-loss (Newton steps on gradient p − y and hessian p(1 − p)),
 * deterministically for a seed. The base is the training default rate in log-odds.
 */
export function trainGbdt(data: LabelledRows, params: Partial<GbdtParams> = {}): GbdtModel {
  const p = { ...DEFAULT_GBDT, ...params };
  const n = data.rows.length;
  if (n === 0 || data.labels.length !== n) throw new RangeError('training needs rows with one label each');
  const positives = data.labels.reduce((s, y) => s + (y === 1 ? 1 : 0), 0);
  if (positives === 0 || positives === n) throw new RangeError('training needs both outcomes among the labels');
  const rate = positives / n;
  const base = Math.log(rate / (1 - rate));
  const binned = binRows(data.rows, data.features.length, p.maxBins);
  const rng = new Rng(p.seed);
  const score = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const all = data.features.map((_, f) => f);
  const trees: Tree[] = [];
  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) {
      const q = sigmoid(score[i] as number);
      grad[i] = q - (data.labels[i] === 1 ? 1 : 0);
      hess[i] = Math.max(q * (1 - q), 1e-12);
    }
    const sample: number[] = [];
    for (let i = 0; i < n; i++) if (p.subsample >= 1 || rng.next() < p.subsample) sample.push(i);
    const features = pickShare(all, p.colsample, rng);
    const tree = growTree(binned, grad, hess, Uint32Array.from(sample), features, p);
    trees.push(tree);
    for (let i = 0; i < n; i++) score[i] = (score[i] as number) + leafOf(tree, data.rows[i] as ArrayLike<number>).leaf;
  }
  return {
    format: 'credence-gbdt/1',
    features: [...data.features],
    base,
    trees,
    training: {
      rows: n,
      positives,
      trees: p.trees,
      learningRate: p.learningRate,
      maxDepth: p.maxDepth,
      minChildWeight: p.minChildWeight,
      lambda: p.lambda,
      gamma: p.gamma,
      subsample: p.subsample,
      colsample: p.colsample,
      maxBins: p.maxBins,
      seed: p.seed,
    },
  };
}

/** A random share of the items (at least one), in their original order. */
function pickShare<T>(items: readonly T[], share: number, rng: Rng): T[] {
  if (share >= 1) return [...items];
  const k = Math.max(1, Math.round(items.length * share));
  const order = items.map((x, i) => ({ x, i, r: rng.next() }));
  order.sort((a, b) => a.r - b.r);
  return order
    .slice(0, k)
    .sort((a, b) => a.i - b.i)
    .map((o) => o.x);
}
