import { type Binned, MISSING } from './binning';
import type { Tree, TreeNode } from './model';

export interface TreeParams {
  /** Splits from the root to the deepest leaf. */
  readonly maxDepth: number;
  /** Least hessian (≈ rows × p(1−p)) on each side of a split. */
  readonly minChildWeight: number;
  /** L2 penalty on leaf values. */
  readonly lambda: number;
  /** Least loss reduction a split must bring. */
  readonly gamma: number;
  /** Shrinkage applied to the leaf values. */
  readonly learningRate: number;
}

interface Split {
  readonly feature: number;
  readonly bin: number;
  readonly missingLeft: boolean;
  readonly gain: number;
}

const score = (g: number, h: number, lambda: number): number => (g * g) / (h + lambda);

/**
 * Grows one regression tree on gradients and hessians (second-order boosting, as XGBoost): at each node
 * the best split over the allowed features' histograms, with the side for missing values learned (the one
 * that gains most; with none in the node, the side with more rows).
 */
export function growTree(
  binned: Binned,
  grad: Float64Array,
  hess: Float64Array,
  rows: Uint32Array,
  features: readonly number[],
  p: TreeParams,
): Tree {
  const nodes: TreeNode[] = [];
  const hg = new Float64Array(MISSING + 1);
  const hh = new Float64Array(MISSING + 1);
  const hc = new Uint32Array(MISSING + 1);

  function best(idx: Uint32Array, G: number, H: number): Split | undefined {
    let top: Split | undefined;
    const parent = score(G, H, p.lambda);
    for (const f of features) {
      const bins = binned.bins[f] as Uint8Array;
      const nb = (binned.cuts[f] as Float64Array).length + 1;
      if (nb < 2) continue;
      hg.fill(0, 0, nb);
      hh.fill(0, 0, nb);
      hc.fill(0, 0, nb);
      hg[MISSING] = 0;
      hh[MISSING] = 0;
      hc[MISSING] = 0;
      for (let k = 0; k < idx.length; k++) {
        const r = idx[k] as number;
        const b = bins[r] as number;
        hg[b] = (hg[b] as number) + (grad[r] as number);
        hh[b] = (hh[b] as number) + (hess[r] as number);
        hc[b] = (hc[b] as number) + 1;
      }
      const gm = hg[MISSING] as number;
      const hm = hh[MISSING] as number;
      const cm = hc[MISSING] as number;
      let gl = 0;
      let hl = 0;
      let cl = 0;
      const present = idx.length - cm;
      for (let b = 0; b < nb - 1; b++) {
        gl += hg[b] as number;
        hl += hh[b] as number;
        cl += hc[b] as number;
        if (cl === 0) continue;
        if (cl === present) break;
        const sides: boolean[] = cm > 0 ? [true, false] : [cl >= present - cl];
        for (const missingLeft of sides) {
          const GL = missingLeft ? gl + gm : gl;
          const HL = missingLeft ? hl + hm : hl;
          const HR = H - HL;
          if (HL < p.minChildWeight || HR < p.minChildWeight) continue;
          const gain = 0.5 * (score(GL, HL, p.lambda) + score(G - GL, HR, p.lambda) - parent) - p.gamma;
          if (gain > 0 && (top === undefined || gain > top.gain)) top = { feature: f, bin: b, missingLeft, gain };
        }
      }
    }
    return top;
  }

  function grow(idx: Uint32Array, depth: number): number {
    let G = 0;
    let H = 0;
    for (let k = 0; k < idx.length; k++) {
      G += grad[idx[k] as number] as number;
      H += hess[idx[k] as number] as number;
    }
    const at = nodes.length;
    const split = depth < p.maxDepth && idx.length >= 2 ? best(idx, G, H) : undefined;
    if (split === undefined) {
      nodes.push({ leaf: (-G / (H + p.lambda)) * p.learningRate, cover: idx.length });
      return at;
    }
    const bins = binned.bins[split.feature] as Uint8Array;
    const left: number[] = [];
    const right: number[] = [];
    for (let k = 0; k < idx.length; k++) {
      const r = idx[k] as number;
      const b = bins[r] as number;
      if (b === MISSING ? split.missingLeft : b <= split.bin) left.push(r);
      else right.push(r);
    }
    nodes.push({ leaf: 0, cover: 0 }); // placeholder, replaced once the children have their indexes
    const l = grow(Uint32Array.from(left), depth + 1);
    const r = grow(Uint32Array.from(right), depth + 1);
    nodes[at] = {
      feature: split.feature,
      threshold: (binned.cuts[split.feature] as Float64Array)[split.bin] as number,
      missingLeft: split.missingLeft,
      left: l,
      right: r,
      cover: idx.length,
    };
    return at;
  }

  grow(rows, 0);
  return { nodes };
}
