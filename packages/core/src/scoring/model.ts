/**
 * A gradient-boosted tree model for a probability of default, as plain JSON: what `model train` writes,
 * what ships as the default model and what `model score` reads. Scores are the sum of the trees' leaf
 * values plus a base, in log-odds; the PD is its logistic.
 */

/** A split: `x[feature] <= threshold` goes left, greater goes right, a missing value (NaN) goes its learned way. */
export interface SplitNode {
  readonly feature: number;
  readonly threshold: number;
  readonly missingLeft: boolean;
  readonly left: number;
  readonly right: number;
  /** Training rows that reached the node (TreeSHAP weighs the unseen branch by it). */
  readonly cover: number;
}

export interface LeafNode {
  readonly leaf: number;
  readonly cover: number;
}

export type TreeNode = SplitNode | LeafNode;

/** Nodes in an array, the root first; children are indexes into it. */
export interface Tree {
  readonly nodes: readonly TreeNode[];
}

export interface GbdtModel {
  readonly format: 'credence-gbdt/1';
  /** Input names, in the order of a row's values. */
  readonly features: readonly string[];
  /** Log-odds before any tree (the training default rate). */
  readonly base: number;
  readonly trees: readonly Tree[];
  /** How it was trained (parameters, rows, seed), for the record. */
  readonly training: Readonly<Record<string, number | string>>;
}

export const isLeaf = (n: TreeNode): n is LeafNode => 'leaf' in n;

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The leaf a row reaches. */
export function leafOf(tree: Tree, row: ArrayLike<number>): LeafNode {
  let i = 0;
  for (;;) {
    const n = tree.nodes[i];
    if (n === undefined) throw new RangeError(`tree has no node ${i}`);
    if (isLeaf(n)) return n;
    const x = row[n.feature] ?? Number.NaN;
    i = Number.isNaN(x) ? (n.missingLeft ? n.left : n.right) : x <= n.threshold ? n.left : n.right;
  }
}

/** The model's score for a row, in log-odds. */
export function logOdds(model: GbdtModel, row: ArrayLike<number>): number {
  let z = model.base;
  for (const t of model.trees) z += leafOf(t, row).leaf;
  return z;
}

/** Probability of default for a row (0..1). */
export const pd = (model: GbdtModel, row: ArrayLike<number>): number => sigmoid(logOdds(model, row));
