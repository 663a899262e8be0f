/**
 * The worked examples of docs/domain/scoring.md are tests: the tree table is the model, the explained rows
 * are checked against `pd`, `logOdds` and `explain`, the metrics table against `auc`, `ks` and `brier`.
 */
import { auc, brier, explain, type GbdtModel, ks, logOdds, pd, type TreeNode } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./scoring.md', import.meta.url));
const num = (s: string): number => (s === '?' ? Number.NaN : Number(s));

function model(): GbdtModel {
  const t = table(tables, 'tree');
  const features = (t.attrs.features ?? '').split(',');
  const trees = new Map<string, TreeNode[]>();
  for (const r of t.rows) {
    const nodes = trees.get(cell(r, 'tree')) ?? [];
    const node = Number(cell(r, 'node'));
    nodes[node] =
      cell(r, 'feature') === ''
        ? { leaf: num(cell(r, 'leaf')), cover: num(cell(r, 'cover')) }
        : {
            feature: features.indexOf(cell(r, 'feature')),
            threshold: num(cell(r, 'threshold')),
            missingLeft: cell(r, 'missing') === 'left',
            left: num(cell(r, 'left')),
            right: num(cell(r, 'right')),
            cover: num(cell(r, 'cover')),
          };
    trees.set(cell(r, 'tree'), nodes);
  }
  return {
    format: 'credence-gbdt/1',
    features,
    base: num(t.attrs.base ?? ''),
    trees: [...trees.values()].map((nodes) => ({ nodes })),
    training: {},
  };
}

describe('docs/domain/scoring.md', () => {
  const m = model();
  it.each(table(tables, 'explained').rows.map((r) => [cell(r, 'company'), r] as const))(
    'company %s: score, PD, expected score and contributions',
    (_, r) => {
      const x = m.features.map((f) => num(cell(r, f)));
      expect(logOdds(m, x)).toBeCloseTo(num(cell(r, 'score')), 9);
      expect(pd(m, x)).toBeCloseTo(num(cell(r, 'pd')), 6);
      const e = explain(m, x);
      expect(e.expected).toBeCloseTo(num(cell(r, 'expected')), 9);
      m.features.forEach((f, k) => {
        expect(e.contributions[k]).toBeCloseTo(num(cell(r, `${f} contribution`)), 9);
      });
    },
  );

  it('AUC, KS and Brier of the metrics example', () => {
    const rows = table(tables, 'metrics').rows;
    const pds = rows.map((r) => num(cell(r, 'pd')));
    const labels = rows.map((r) => num(cell(r, 'defaulted')));
    const [want] = table(tables, 'metrics-result').rows;
    if (!want) throw new Error('no metrics-result row');
    expect(auc(pds, labels)).toBeCloseTo(num(cell(want, 'auc')), 12);
    expect(ks(pds, labels)).toBeCloseTo(num(cell(want, 'ks')), 12);
    expect(brier(pds, labels)).toBeCloseTo(num(cell(want, 'brier')), 12);
  });
});
