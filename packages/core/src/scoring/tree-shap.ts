import { type GbdtModel, isLeaf, type Tree } from './model';

/**
 * Exact TreeSHAP (Lundberg, Erion & Lee 2018, algorithm 2; path-dependent: a feature left out of a
 * coalition follows both branches, weighted by the training rows that went each way). For one row it
 * gives each feature's contribution to the score in log-odds; with the model's expected score they add
 * up to the row's score exactly (up to floating point).
 */

/**
 * The paths of one explanation live in flat typed arrays, one segment per recursion level (the layout of
 * the reference implementation, shap's `tree_shap.h`): a path of `d + 1` elements starts at `p`, its
 * child's right after it. Nothing is allocated per node.
 */
export class Paths {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;

  constructor(readonly depth: number) {
    const maxd = depth + 2;
    const size = ((maxd + 1) * (maxd + 2)) / 2 + 1;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }

  extend(p: number, d: number, zero: number, one: number, feature: number): void {
    const w = this.weight;
    this.feature[p + d] = feature;
    this.zero[p + d] = zero;
    this.one[p + d] = one;
    w[p + d] = d === 0 ? 1 : 0;
    for (let i = d - 1; i >= 0; i--) {
      w[p + i + 1] = (w[p + i + 1] as number) + (one * (w[p + i] as number) * (i + 1)) / (d + 1);
      w[p + i] = (zero * (w[p + i] as number) * (d - i)) / (d + 1);
    }
  }

  unwind(p: number, d: number, at: number): void {
    const w = this.weight;
    const one = this.one[p + at] as number;
    const zero = this.zero[p + at] as number;
    let next = w[p + d] as number;
    for (let i = d - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = w[p + i] as number;
        w[p + i] = (next * (d + 1)) / ((i + 1) * one);
        next = tmp - ((w[p + i] as number) * zero * (d - i)) / (d + 1);
      } else {
        w[p + i] = ((w[p + i] as number) * (d + 1)) / (zero * (d - i));
      }
    }
    for (let i = at; i < d; i++) {
      this.feature[p + i] = this.feature[p + i + 1] as number;
      this.zero[p + i] = this.zero[p + i + 1] as number;
      this.one[p + i] = this.one[p + i + 1] as number;
    }
  }

  unwoundSum(p: number, d: number, at: number): number {
    const w = this.weight;
    const one = this.one[p + at] as number;
    const zero = this.zero[p + at] as number;
    let next = w[p + d] as number;
    let total = 0;
    for (let i = d - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = next / ((i + 1) * one);
        total += tmp;
        next = (w[p + i] as number) - tmp * zero * (d - i);
      } else {
        total += (w[p + i] as number) / (zero * (d - i));
      }
    }
    return total * (d + 1);
  }
}

const depths = new WeakMap<Tree, number>();

function depthOf(tree: Tree): number {
  let d = depths.get(tree);
  if (d === undefined) {
    const walk = (i: number): number => {
      const n = tree.nodes[i];
      return n === undefined || isLeaf(n) ? 0 : 1 + Math.max(walk(n.left), walk(n.right));
    };
    d = walk(0);
    depths.set(tree, d);
  }
  return d;
}

/** Adds one tree's contributions for `row` into `phi` (one slot per feature); `paths` may be reused. */
export function treeShap(tree: Tree, row: ArrayLike<number>, phi: Float64Array, buffer?: Paths): void {
  const depth = depthOf(tree);
  const paths = buffer !== undefined && buffer.depth >= depth ? buffer : new Paths(depth);
  const recurse = (node: number, d: number, parent: number, zero: number, one: number, feature: number): void => {
    const p = parent + d + 1;
    for (let i = 0; i <= d; i++) {
      paths.feature[p + i] = paths.feature[parent + i] as number;
      paths.zero[p + i] = paths.zero[parent + i] as number;
      paths.one[p + i] = paths.one[parent + i] as number;
      paths.weight[p + i] = paths.weight[parent + i] as number;
    }
    paths.extend(p, d, zero, one, feature);
    const n = tree.nodes[node];
    if (n === undefined) throw new RangeError(`tree has no node ${node}`);
    if (isLeaf(n)) {
      for (let i = 1; i <= d; i++) {
        const f = paths.feature[p + i] as number;
        const w = paths.unwoundSum(p, d, i);
        phi[f] = (phi[f] as number) + w * ((paths.one[p + i] as number) - (paths.zero[p + i] as number)) * n.leaf;
      }
      return;
    }
    const x = row[n.feature] ?? Number.NaN;
    const goesLeft = Number.isNaN(x) ? n.missingLeft : x <= n.threshold;
    const hot = goesLeft ? n.left : n.right;
    const cold = goesLeft ? n.right : n.left;
    let inZero = 1;
    let inOne = 1;
    let depth = d;
    for (let i = 1; i <= d; i++) {
      if (paths.feature[p + i] === n.feature) {
        inZero = paths.zero[p + i] as number;
        inOne = paths.one[p + i] as number;
        paths.unwind(p, d, i);
        depth -= 1;
        break;
      }
    }
    const cover = (i: number) => tree.nodes[i]?.cover ?? 0;
    recurse(hot, depth + 1, p, (cover(hot) / n.cover) * inZero, inOne, n.feature);
    recurse(cold, depth + 1, p, (cover(cold) / n.cover) * inZero, 0, n.feature);
  };
  recurse(0, 0, 0, 1, 1, -1);
}

const expectations = new WeakMap<Tree, number>();

/** The tree's mean leaf value over the training rows (weighted by cover). */
export function expectedValue(tree: Tree): number {
  const known = expectations.get(tree);
  if (known !== undefined) return known;
  const walk = (i: number): number => {
    const n = tree.nodes[i];
    if (n === undefined) throw new RangeError(`tree has no node ${i}`);
    if (isLeaf(n)) return n.leaf;
    const l = tree.nodes[n.left]?.cover ?? 0;
    const r = tree.nodes[n.right]?.cover ?? 0;
    return (l * walk(n.left) + r * walk(n.right)) / (l + r);
  };
  const v = walk(0);
  expectations.set(tree, v);
  return v;
}

export interface Explanation {
  /** The model's expected score (base + each tree's mean), in log-odds. */
  readonly expected: number;
  /** Per feature, in the model's feature order: what it added to (or took from) the score, in log-odds. */
  readonly contributions: Float64Array;
}

/** Why a row scores as it does: expected + Σ contributions = its score (log-odds). */
export function explain(model: GbdtModel, row: ArrayLike<number>): Explanation {
  const contributions = new Float64Array(model.features.length);
  const paths = new Paths(model.trees.reduce((d, t) => Math.max(d, depthOf(t)), 0));
  let expected = model.base;
  for (const t of model.trees) {
    treeShap(t, row, contributions, paths);
    expected += expectedValue(t);
  }
  return { expected, contributions };
}
