import { describe, expect, it } from 'vitest';
import { rankWorklist, type WorkTask } from './worklist';

const t = (buyerId: string, amount: bigint, daysOverdue: number, pd: number): WorkTask => ({
  buyerId,
  action: 'call',
  reason: { code: 'letter', params: {} },
  amount,
  currency: 'EUR',
  exponent: 2,
  daysOverdue,
  pd,
});

describe('rankWorklist', () => {
  it('ranks by amount × days overdue × PD', () => {
    const ranked = rankWorklist([t('A', 1000_00n, 10, 0.01), t('B', 100_00n, 60, 0.2), t('C', 5000_00n, 5, 0.01)]);
    // A 1000 × 10 × 0.01 = 100; B 100 × 60 × 0.2 = 1200; C 5000 × 5 × 0.01 = 250
    expect(ranked.map((r) => [r.buyerId, Math.round(r.score)])).toEqual([
      ['B', 1200],
      ['C', 250],
      ['A', 100],
    ]);
  });
  it('counts items not yet overdue as one day, and breaks ties by amount', () => {
    const ranked = rankWorklist([t('A', 100_00n, -10, 0.1), t('B', 200_00n, 1, 0.05)]);
    expect(ranked.map((r) => r.buyerId)).toEqual(['B', 'A']);
    expect(ranked[1]?.score).toBeCloseTo(10);
  });
});
