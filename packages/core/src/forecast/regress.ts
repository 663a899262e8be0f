import { binRows } from '../scoring/binning';
import { growTree, type TreeParams } from '../scoring/grow-tree';
import { leafOf, type Tree } from '../scoring/model';

/** Boosting parameters for the days-to-settle regression; no sampling, so training is deterministic. */
export interface RegressionParams extends TreeParams {
  readonly trees: number;
  readonly maxBins: number;
}

export const DEFAULT_REGRESSION: RegressionParams = {
  trees: 150,
  learningRate: 0.05,
  maxDepth: 3,
  minChildWeight: 20,
  lambda: 5,
  gamma: 0,
  maxBins: 32,
};

export interface RegressionTrees {
  readonly base: number;
  readonly trees: readonly Tree[];
}

/** Gradient-boosted trees on the squared error (gradient = prediction − target, hessian 1). */
export function trainRegression(
  rows: readonly ArrayLike<number>[],
  targets: readonly number[],
  features: number,
  params: Partial<RegressionParams> = {},
): RegressionTrees {
  const p = { ...DEFAULT_REGRESSION, ...params };
  const n = rows.length;
  if (n === 0 || targets.length !== n) throw new RangeError('training needs rows with one target each');
  const base = targets.reduce((a, b) => a + b, 0) / n;
  const binned = binRows(rows, features, p.maxBins);
  const score = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n).fill(1);
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const cols = Array.from({ length: features }, (_, f) => f);
  const trees: Tree[] = [];
  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) grad[i] = (score[i] as number) - (targets[i] as number);
    const tree = growTree(binned, grad, hess, all, cols, p);
    trees.push(tree);
    for (let i = 0; i < n; i++) score[i] = (score[i] as number) + leafOf(tree, rows[i] as ArrayLike<number>).leaf;
  }
  return { base, trees };
}

export function predictRegression(model: RegressionTrees, row: ArrayLike<number>): number {
  let y = model.base;
  for (const t of model.trees) y += leafOf(t, row).leaf;
  return y;
}
