import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.test-support';
import { syntheticStatement } from './synthetic.test-support';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('the matcher on synthetic statements (several seeds, none tuned for)', () => {
  const runs = SEEDS.map((seed) => ({ seed, ...evaluate(seed) }));
  const total = (k: 'autoApplied' | 'autoCorrect' | 'single' | 'singleAuto') => runs.reduce((s, r) => s + r[k], 0);

  it('covers every scenario on each seed', () => {
    for (const seed of SEEDS) {
      const scenarios = new Set(syntheticStatement(seed).cases.map((c) => c.scenario));
      expect([...scenarios].sort()).toEqual([
        'combined',
        'debit',
        'document',
        'fees',
        'iban_amount',
        'name_amount',
        'over',
        'partial',
        'reversal',
        'rf',
        'skonto',
        'unknown',
      ]);
    }
  });

  it('auto-applied matches are ≥ 99.5 % right, and ≥ 85 % of the lines with one right answer are auto-applied', () => {
    const precision = total('autoCorrect') / total('autoApplied');
    const share = total('singleAuto') / total('single');
    console.info(
      `cash matching over ${SEEDS.length} seeds: precision ${(precision * 100).toFixed(2)} % of ${total('autoApplied')} auto-applied; ` +
        `${(share * 100).toFixed(1)} % of ${total('single')} single-answer lines auto-applied`,
    );
    expect(runs.flatMap((r) => r.wrong)).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.995);
    expect(share).toBeGreaterThanOrEqual(0.85);
  });

  it('holds on every seed on its own, not only on average', () => {
    for (const r of runs) {
      expect(r.autoCorrect / r.autoApplied, `seed ${r.seed}`).toBeGreaterThanOrEqual(0.99);
      expect(r.singleAuto / r.single, `seed ${r.seed}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('never matches a debit as a payment; every other line is in review with a proposal, or unknown', () => {
    expect(runs.map((r) => r.debitsMatched)).toEqual(SEEDS.map(() => 0));
    expect(runs.map((r) => r.malformed)).toEqual(SEEDS.map(() => 0));
  });
});
