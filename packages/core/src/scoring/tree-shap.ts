import { type GbdtModel, isLeaf, type Tree } from './model';

/**
 * Exact TreeSHAP (Lundberg, Erion & Lee 2018, algorithm 2; path-dependent: a feature left out of a
 * coalition follows both branches, weighted by the training rows that went each way). For one row it
 * gives each feature's contribution to the score in log-odds; with the model's expected score they add
 * up to the row's score exactly (up to floating point).
 */

interface PathElement {
  feature: number;
  zero: number;
  one: number;
  weight: number;
}

function extend(path: PathElement[], zero: number, one: number, feature: number): void {
  const depth = path.length;
  path.push({ feature, zero, one, weight: depth === 0 ? 1 : 0 });
  for (let i = depth - 1; i >= 0; i--) {
    const pi = path[i] as PathElement;
    const next = path[i + 1] as PathElement;
    next.weight += (one * pi.weight * (i + 1)) / (depth + 1);
    pi.weight = (zero * pi.weight * (depth - i)) / (depth + 1);
  }
}

function unwind(path: PathElement[], at: number): void {
  const depth = path.length - 1;
  const { one, zero } = path[at] as PathElement;
  let next = (path[depth] as PathElement).weight;
  for (let i = depth - 1; i >= 0; i--) {
    const pi = path[i] as PathElement;
    if (one !== 0) {
      const tmp = pi.weight;
      pi.weight = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (pi.weight * zero * (depth - i)) / (depth + 1);
    } else {
      pi.weight = (pi.weight * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = at; i < depth; i++) {
    const to = path[i] as PathElement;
    const from = path[i + 1] as PathElement;
    to.feature = from.feature;
    to.zero = from.zero;
    to.one = from.one;
  }
  path.pop();
}

function unwoundSum(path: readonly PathElement[], at: number): number {
  const depth = path.length - 1;
  const { one, zero } = path[at] as PathElement;
  let next = (path[depth] as PathElement).weight;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    const pi = path[i] as PathElement;
    if (one !== 0) {
      const tmp = next / ((i + 1) * one);
      total += tmp;
      next = pi.weight - tmp * zero * (depth - i);
    } else {
      total += pi.weight / (zero * (depth - i));
    }
  }
  return total * (depth + 1);
}

/** Adds one tree's contributions for `row` into `phi` (one slot per feature). */
export function treeShap(tree: Tree, row: ArrayLike<number>, phi: Float64Array): void {
  const recurse = (node: number, parent: readonly PathElement[], zero: number, one: number, feature: number): void => {
    const path = parent.map((e) => ({ ...e }));
    extend(path, zero, one, feature);
    const n = tree.nodes[node];
    if (n === undefined) throw new RangeError(`tree has no node ${node}`);
    if (isLeaf(n)) {
      for (let i = 1; i < path.length; i++) {
        const e = path[i] as PathElement;
        phi[e.feature] = (phi[e.feature] as number) + unwoundSum(path, i) * (e.one - e.zero) * n.leaf;
      }
      return;
    }
    const x = row[n.feature] ?? Number.NaN;
    const goesLeft = Number.isNaN(x) ? n.missingLeft : x <= n.threshold;
    const [hot, cold] = goesLeft ? [n.left, n.right] : [n.right, n.left];
    const cover = (i: number) => tree.nodes[i]?.cover ?? 0;
    let inZero = 1;
    let inOne = 1;
    const seen = path.findIndex((e, i) => i > 0 && e.feature === n.feature);
    if (seen > 0) {
      inZero = (path[seen] as PathElement).zero;
      inOne = (path[seen] as PathElement).one;
      unwind(path, seen);
    }
    recurse(hot, path, (cover(hot) / n.cover) * inZero, inOne, n.feature);
    recurse(cold, path, (cover(cold) / n.cover) * inZero, 0, n.feature);
  };
  recurse(0, [], 1, 1, -1);
}

/** The tree's mean leaf value over the training rows (weighted by cover). */
export function expectedValue(tree: Tree): number {
  const walk = (i: number): number => {
    const n = tree.nodes[i];
    if (n === undefined) throw new RangeError(`tree has no node ${i}`);
    if (isLeaf(n)) return n.leaf;
    const l = tree.nodes[n.left]?.cover ?? 0;
    const r = tree.nodes[n.right]?.cover ?? 0;
    return (l * walk(n.left) + r * walk(n.right)) / (l + r);
  };
  return walk(0);
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
  let expected = model.base;
  for (const t of model.trees) {
    treeShap(t, row, contributions);
    expected += expectedValue(t);
  }
  return { expected, contributions };
}
