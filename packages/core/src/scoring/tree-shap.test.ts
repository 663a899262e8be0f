import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLeaf, leafOf, type Tree, type TreeNode } from './model';
import { expectedValue, treeShap } from './tree-shap';

const FEATURES = 4;

/** E[f | the features in `known` are the row's]: the others follow both branches, weighted by cover. */
function conditional(tree: Tree, row: readonly number[], known: ReadonlySet<number>, i = 0): number {
  const n = tree.nodes[i] as TreeNode;
  if (isLeaf(n)) return n.leaf;
  if (known.has(n.feature)) {
    const x = row[n.feature] as number;
    const left = Number.isNaN(x) ? n.missingLeft : x <= n.threshold;
    return conditional(tree, row, known, left ? n.left : n.right);
  }
  const l = tree.nodes[n.left]?.cover ?? 0;
  const r = tree.nodes[n.right]?.cover ?? 0;
  return (l * conditional(tree, row, known, n.left) + r * conditional(tree, row, known, n.right)) / (l + r);
}

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

/** Shapley values by enumerating every coalition: the definition, for checking. */
function bruteForce(tree: Tree, row: readonly number[]): number[] {
  const phi = new Array<number>(FEATURES).fill(0);
  for (let f = 0; f < FEATURES; f++) {
    const others = [...Array(FEATURES).keys()].filter((g) => g !== f);
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const s = new Set(others.filter((_, k) => (mask >> k) & 1));
      const w = (factorial(s.size) * factorial(FEATURES - s.size - 1)) / factorial(FEATURES);
      phi[f] = (phi[f] as number) + w * (conditional(tree, row, new Set([...s, f])) - conditional(tree, row, s));
    }
  }
  return phi;
}

/** Random trees whose covers add up, as trained trees' do (a feature may repeat along a path). */
const treeArb: fc.Arbitrary<Tree> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: FEATURES - 1 }), fc.integer({ min: -3, max: 3 }), fc.boolean()), {
    minLength: 1,
    maxLength: 9,
  })
  .chain((splits) =>
    fc
      .array(fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 1, max: 50 })), {
        minLength: splits.length + 1,
        maxLength: splits.length + 1,
      })
      .map((leaves) => {
        const nodes: TreeNode[] = [];
        let s = 0;
        let l = 0;
        const build = (depth: number): number => {
          const at = nodes.length;
          const split = depth < 4 ? splits[s] : undefined;
          if (split === undefined) {
            const [leaf, cover] = leaves[l++] ?? [0, 1];
            nodes.push({ leaf, cover });
            return at;
          }
          s++;
          nodes.push({ leaf: 0, cover: 0 });
          const left = build(depth + 1);
          const right = build(depth + 1);
          const cover = (nodes[left]?.cover ?? 0) + (nodes[right]?.cover ?? 0);
          nodes[at] = { feature: split[0], threshold: split[1] / 2, missingLeft: split[2], left, right, cover };
          return at;
        };
        build(0);
        return { nodes };
      }),
  );

const rowArb = fc.array(fc.oneof(fc.constant(Number.NaN), fc.double({ min: -2, max: 2, noNaN: true })), {
  minLength: FEATURES,
  maxLength: FEATURES,
});

describe('treeShap', () => {
  it('equals the Shapley values computed from their definition, on random trees and rows', () => {
    fc.assert(
      fc.property(treeArb, rowArb, (tree, row) => {
        const phi = new Float64Array(FEATURES);
        treeShap(tree, row, phi);
        const expected = bruteForce(tree, row);
        for (let f = 0; f < FEATURES; f++) expect(phi[f]).toBeCloseTo(expected[f] as number, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('adds up: expected value + contributions = the leaf the row reaches', () => {
    fc.assert(
      fc.property(treeArb, rowArb, (tree, row) => {
        const phi = new Float64Array(FEATURES);
        treeShap(tree, row, phi);
        expect(expectedValue(tree) + phi.reduce((a, b) => a + b, 0)).toBeCloseTo(leafOf(tree, row).leaf, 9);
      }),
    );
  });

  it('gives a feature the tree never splits on nothing', () => {
    const tree: Tree = {
      nodes: [
        { feature: 1, threshold: 0, missingLeft: true, left: 1, right: 2, cover: 4 },
        { leaf: -1, cover: 1 },
        { leaf: 3, cover: 3 },
      ],
    };
    const phi = new Float64Array(FEATURES);
    treeShap(tree, [5, -1, 5, 5], phi);
    // E = (−1·1 + 3·3)/4 = 2; the row goes left (−1): feature 1 moved it by −3.
    expect([...phi]).toEqual([0, -3, 0, 0]);
  });
});
