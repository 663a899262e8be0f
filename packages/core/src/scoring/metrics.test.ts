import { describe, expect, it } from 'vitest';
import { auc, brier, calibration, ks } from './metrics';

describe('auc', () => {
  it('counts the pairs a defaulter outranks, ties as half', () => {
    // Defaulters at 0.9 and 0.4; others at 0.8, 0.4, 0.1. Pairs: (0.9 > all three) = 3,
    // (0.4 vs 0.8) = 0, (0.4 vs 0.4) = ½, (0.4 vs 0.1) = 1 → 4.5 / 6.
    expect(auc([0.9, 0.4, 0.8, 0.4, 0.1], [1, 1, 0, 0, 0])).toBeCloseTo(0.75, 12);
  });
  it('is 1 for a perfect ranking, 0 for a reversed one, ½ for a constant, NaN with one class', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.1, 0.2], [0, 0])).toBeNaN();
  });
});

describe('ks', () => {
  it('is the largest gap between the cumulative shares of defaulters and others', () => {
    // From the top: 0.9 (1) → TPR ½, FPR 0 → gap ½; 0.8 (0) → ½, ⅓; 0.4 (1, 0) → 1, ⅔ → ⅓; 0.1 → 1, 1.
    expect(ks([0.9, 0.4, 0.8, 0.4, 0.1], [1, 1, 0, 0, 0])).toBeCloseTo(0.5, 12);
    expect(ks([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
  });
});

describe('brier', () => {
  it('is the mean squared error of the PDs', () => {
    expect(brier([0.9, 0.2], [1, 0])).toBeCloseTo((0.01 + 0.04) / 2, 12);
  });
});

describe('calibration', () => {
  it('groups rows by PD and sets the mean PD beside the observed rate', () => {
    const pds = [0.05, 0.1, 0.15, 0.2, 0.6, 0.7, 0.8, 0.9];
    const labels = [0, 0, 0, 1, 1, 0, 1, 1];
    expect(calibration(pds, labels, 2)).toEqual([
      { from: 0.05, to: 0.2, count: 4, meanPd: expect.closeTo(0.125, 12), defaultRate: 0.25 },
      { from: 0.6, to: 0.9, count: 4, meanPd: expect.closeTo(0.75, 12), defaultRate: 0.75 },
    ]);
  });
});
