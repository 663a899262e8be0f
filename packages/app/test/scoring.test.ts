import { type CurrencyCode, date, type FinancialStatement, type GbdtModel, Rng } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { evaluateModel } from '../src/scoring/evaluate-model';
import { cellNumber, readModelRows } from '../src/scoring/model-rows';
import { scoreBuyer } from '../src/scoring/score-buyer';
import { scoreRows } from '../src/scoring/score-rows';
import { trainModel } from '../src/scoring/train-model';
import { source } from './fixtures';

/** Firms whose default odds rise with `debt` and fall with `margin`; `size` is noise. */
function firms(file: string, n: number, seed: number) {
  const rng = new Rng(seed);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const debt = rng.next();
    const margin = rng.normal();
    const z = -2.5 + 4 * debt - 1.5 * margin;
    const y = rng.next() < 1 / (1 + Math.exp(-z)) ? '1' : '0';
    rows.push([`F${i}`, debt.toFixed(4), rng.chance(0.1) ? '?' : margin.toFixed(4), String(rng.int(1, 9)), y]);
  }
  return source(file, ['firm', 'debt', 'margin', 'size', 'class'], rows);
}

describe('cellNumber', () => {
  it.each([
    ['1.5', 1.5],
    ['-0.25', -0.25],
    ['3e-4', 0.0003],
    ['.5', 0.5],
  ])('reads %s', (t, v) => expect(cellNumber(t)).toBe(v));
  it.each(['', '?', 'NA', 'NaN'])('reads "%s" as missing', (t) => expect(cellNumber(t)).toBeNaN());
  it.each(['abc', '1,5', 'Infinity', '1e999', '0x10'])('refuses %s', (t) => expect(cellNumber(t)).toBeUndefined());
});

describe('readModelRows', () => {
  it('reports every bad cell and label with its row and column, and keeps nothing', async () => {
    const r = await readModelRows(
      source(
        'f.csv',
        ['a', 'b', 'class'],
        [
          ['1', '2', '0'],
          ['x', '2', '1'],
          ['1', '2', 'yes'],
        ],
      ),
      { withLabels: true },
    );
    expect(r.ok ? null : r.error.errors.map((e) => [e.row, e.column, e.value, e.params.reason])).toEqual([
      [3, 'a', 'x', 'not_a_number'],
      [4, 'class', 'yes', 'label_not_0_or_1'],
    ]);
  });

  it("names the model's inputs a file lacks", async () => {
    const r = await readModelRows(source('f.csv', ['a'], [['1']]), { withLabels: false, features: ['a', 'b'] });
    expect(r.ok ? null : r.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([[1, 'b', 'missing_field']]);
  });

  it('finds the label column by its usual names, or is told', async () => {
    const plain = await readModelRows(source('f.csv', ['x', 'default'], [['1', '1']]), { withLabels: true });
    expect(plain.ok && [plain.value.features, plain.value.labels]).toEqual([['x'], [1]]);
    const told = await readModelRows(source('f.csv', ['x', 'bad'], [['1', '0']]), { withLabels: true, label: 'bad' });
    expect(told.ok && told.value.labels).toEqual([0]);
    const none = await readModelRows(source('f.csv', ['x', 'y'], [['1', '0']]), { withLabels: true });
    expect(none.ok).toBe(false);
  });
});

describe('train, evaluate and score', () => {
  const params = { trees: 120, maxDepth: 3, learningRate: 0.1 };

  it('learns from labelled files, ranks unseen firms and explains each score', async () => {
    const trained = await trainModel([firms('a.csv', 1500, 1), firms('b.csv', 1500, 2)], { id: 'firm', params });
    if (!trained.ok) throw new Error(JSON.stringify(trained.error.errors));
    expect(trained.value.files).toEqual([
      { file: 'a.csv', rows: 1500, positives: expect.any(Number) },
      { file: 'b.csv', rows: 1500, positives: expect.any(Number) },
    ]);
    const model = trained.value.model;
    expect(model.features).toEqual(['debt', 'margin', 'size']);

    const e = await evaluateModel(model, firms('test.csv', 2000, 3));
    if (!e.ok) throw new Error('evaluate');
    expect(e.value.auc).toBeGreaterThan(0.78);
    expect(e.value.calibration).toHaveLength(10);
    expect(e.value.calibration.at(-1)?.defaultRate).toBeGreaterThan(e.value.calibration[0]?.defaultRate ?? 1);

    const s = await scoreRows(model, firms('new.csv', 5, 4), { id: 'firm', top: 2 });
    if (!s.ok) throw new Error('score');
    expect(s.value.map((x) => [x.row, x.id])).toEqual([
      [2, 'F0'],
      [3, 'F1'],
      [4, 'F2'],
      [5, 'F3'],
      [6, 'F4'],
    ]);
    for (const x of s.value) {
      expect(x.pd).toBeGreaterThan(0);
      expect(x.pd).toBeLessThan(1);
      expect(x.reasons.length).toBeLessThanOrEqual(2);
      const sizes = x.reasons.map((r) => Math.abs(r.contribution));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
  });

  it('trains nothing when a file has a bad cell, or other columns than the first', async () => {
    const header = ['firm', 'debt', 'margin', 'size', 'class'];
    const bad = source('bad.csv', header, [['X', '0.5', 'lots', '1', '0']]);
    const r = await trainModel([firms('a.csv', 50, 1), bad], { id: 'firm', params });
    expect(r.ok ? null : r.error.errors.map((e) => [e.file, e.row, e.column, e.value])).toEqual([
      ['bad.csv', 2, 'margin', 'lots'],
    ]);
    const other = source('other.csv', ['firm', 'debt', 'class'], [['X', '0.5', '0']]);
    const o = await trainModel([firms('a.csv', 50, 1), other], { id: 'firm', params });
    expect(o.ok ? null : o.error.errors.map((e) => [e.file, e.column, e.code])).toEqual([
      ['other.csv', 'margin', 'missing_field'],
      ['other.csv', 'size', 'missing_field'],
    ]);
    const one = await trainModel([
      source(
        'one.csv',
        ['x', 'class'],
        [
          ['1', '0'],
          ['2', '0'],
        ],
      ),
    ]);
    expect(one.ok ? null : one.error.errors[0]?.params.reason).toBe('one_outcome_only');
  });
});

describe('scoreBuyer', () => {
  // A one-split model on Attr4 (current ratio): below 1 the log-odds rise by 2.
  const model: GbdtModel = {
    format: 'credence-gbdt/1',
    features: ['Attr4', 'Attr1'],
    base: -3,
    trees: [
      {
        nodes: [
          { feature: 0, threshold: 1, missingLeft: true, left: 1, right: 2, cover: 10 },
          { leaf: 2, cover: 5 },
          { leaf: 0, cover: 5 },
        ],
      },
    ],
    training: {},
  };
  const statement = (fiscalYear: number, ca: bigint, stl: bigint): FinancialStatement => ({
    buyerId: 'B1',
    fiscalYear,
    periodEnd: date(`${fiscalYear}-12-31`),
    currency: 'EUR' as CurrencyCode,
    lines: { currentAssets: ca, shortTermLiabilities: stl },
  });
  const store = { statementsOf: async () => [statement(2024, 900n, 1000n), statement(2023, 2000n, 1000n)] };

  it('scores the latest statement ended by the date, with its reasons and the inputs it lacks', async () => {
    const y2024 = await scoreBuyer(store, model, 'B1', date('2025-03-31'));
    expect(y2024?.fiscalYear).toBe(2024);
    expect(y2024?.pd).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
    expect(y2024?.reasons.map((r) => [r.feature, r.value])).toEqual([['Attr4', 0.9]]);
    expect(y2024?.reasons[0]?.contribution).toBeCloseTo(1, 12); // 2 against an expected 1
    expect(y2024?.missingInputs).toBe(1); // Attr1 needs net profit and total assets
    const y2023 = await scoreBuyer(store, model, 'B1', date('2024-12-30'));
    expect(y2023?.fiscalYear).toBe(2023);
    expect(y2023?.pd).toBeCloseTo(1 / (1 + Math.exp(3)), 12);
    expect(await scoreBuyer(store, model, 'B1', date('2023-12-30'))).toBeUndefined();
  });
});
