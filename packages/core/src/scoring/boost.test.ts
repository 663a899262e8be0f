import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { trainGbdt } from './boost';
import { auc } from './metrics';
import { pd } from './model';
import { explain } from './tree-shap';

/**
 * Synthetic firms: default risk rises with leverage (x0) and falls with profitability (x1); x2 is noise;
 * x3 is missing for a third of the firms, and a missing x3 doubles the odds of default.
 */
function firms(n: number, seed: number) {
  const rng = new Rng(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rng.next(), rng.normal(), rng.normal(), rng.chance(1 / 3) ? Number.NaN : rng.next()];
    const z = -3 + 4 * (x[0] as number) - 1.5 * (x[1] as number) + (Number.isNaN(x[3]) ? Math.log(2) : 0);
    rows.push(x);
    labels.push(rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  return { features: ['leverage', 'profitability', 'noise', 'sometimes_missing'], rows, labels };
}

describe('trainGbdt', () => {
  const train = firms(3000, 1);
  const test = firms(2000, 2);
  const model = trainGbdt(train, { trees: 150, maxDepth: 3, learningRate: 0.1 });

  it('ranks unseen firms almost as well as the true model does', () => {
    const truth = test.rows.map((x) =>
      Math.exp(-3 + 4 * (x[0] as number) - 1.5 * (x[1] as number) + (Number.isNaN(x[3]) ? Math.log(2) : 0)),
    );
    const ideal = auc(truth, test.labels);
    const got = auc(
      test.rows.map((r) => pd(model, r)),
      test.labels,
    );
    expect(got).toBeGreaterThan(ideal - 0.03);
    expect(got).toBeGreaterThan(0.75);
  });

  it('is calibrated on average: the mean PD is near the default rate', () => {
    const mean = test.rows.reduce((s, r) => s + pd(model, r), 0) / test.rows.length;
    const rate = test.labels.reduce((s, y) => s + y, 0) / test.labels.length;
    expect(Math.abs(mean - rate)).toBeLessThan(0.02);
  });

  it('explains: leverage raises, profitability lowers, the noise barely counts; the parts add up', () => {
    const risky = [0.95, -1.5, 0, 0.5];
    const e = explain(model, risky);
    const [lev = 0, prof = 0, noise = 0] = e.contributions;
    expect(lev).toBeGreaterThan(0.5);
    expect(prof).toBeGreaterThan(0.5); // low profitability raises the risk
    expect(Math.abs(noise)).toBeLessThan(Math.abs(lev) / 4);
    const sum = e.expected + e.contributions.reduce((a, b) => a + b, 0);
    expect(1 / (1 + Math.exp(-sum))).toBeCloseTo(pd(model, risky), 10);
    const safe = explain(model, [0.05, 1.5, 0, 0.5]).contributions;
    expect(safe[0]).toBeLessThan(0);
    expect(safe[1]).toBeLessThan(0);
  });

  it('learns which way a missing value goes', () => {
    const missing = test.rows
      .filter((r) => Number.isNaN(r[3]))
      .map((r) => pd(model, [r[0], r[1], r[2], 0.5] as number[]));
    const withNaN = test.rows.filter((r) => Number.isNaN(r[3])).map((r) => pd(model, r));
    const meanLogit = (ps: number[]) => ps.reduce((s, p) => s + Math.log(p / (1 - p)), 0) / ps.length;
    expect(meanLogit(withNaN) - meanLogit(missing)).toBeGreaterThan(0.3);
  });

  it('is deterministic for a seed and depends on it', () => {
    const small = firms(400, 3);
    const a = JSON.stringify(trainGbdt(small, { trees: 20, seed: 5 }));
    expect(JSON.stringify(trainGbdt(small, { trees: 20, seed: 5 }))).toBe(a);
    expect(JSON.stringify(trainGbdt(small, { trees: 20, seed: 6 }))).not.toBe(a);
  });

  it('survives a JSON round trip with the same scores', () => {
    const copy = JSON.parse(JSON.stringify(model)) as typeof model;
    for (const r of test.rows.slice(0, 50)) expect(pd(copy, r)).toBe(pd(model, r));
  });

  it('refuses data without both outcomes or without labels for every row', () => {
    expect(() => trainGbdt({ features: ['a'], rows: [[1], [2]], labels: [0, 0] })).toThrow(RangeError);
    expect(() => trainGbdt({ features: ['a'], rows: [[1], [2]], labels: [1] })).toThrow(RangeError);
  });
});
