import { describe, expect, it } from 'vitest';
import { allowance } from './amounts';
import { findCombination } from './combinations';
import { d, EUR, item } from './fixtures.test-support';
import { DEFAULT_MATCH_POLICY, MatchPolicySchema, parseMatchPolicy } from './policy';

describe('the matching policy', () => {
  it('{} is the default policy; a partial one keeps the other defaults', () => {
    expect(parseMatchPolicy({})).toEqual({ ok: true, value: DEFAULT_MATCH_POLICY });
    const p = MatchPolicySchema.parse({ tolerance: { percentBp: 50 }, name: { cutoff: 0.95 } });
    expect(p.tolerance).toEqual({ ...DEFAULT_MATCH_POLICY.tolerance, percentBp: 50 });
    expect(p.name.tieMargin).toBe(DEFAULT_MATCH_POLICY.name.tieMargin);
    expect(p.weights).toEqual(DEFAULT_MATCH_POLICY.weights);
  });

  it('problems are named by their path', () => {
    const r = parseMatchPolicy({ autoApplyThreshold: 2, tolerance: { absolute: { EUR: '1,5' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((x) => x.split(':')[0])).toEqual(['autoApplyThreshold', 'tolerance.absolute.EUR']);
  });

  it('the tolerance is the share, capped by the absolute amount; a currency without one has the share only', () => {
    expect(allowance(100_000n, EUR, DEFAULT_MATCH_POLICY)).toBe(1_000n); // 1 % of 1,000.00
    expect(allowance(10_000_000n, EUR, DEFAULT_MATCH_POLICY)).toBe(2_500n); // capped at 25.00
    expect(allowance(10_000_000n, 'SEK' as typeof EUR, DEFAULT_MATCH_POLICY)).toBe(100_000n);
  });
});

describe('bounded subset sum', () => {
  const open = [
    item('B', 'A', 100n, '2024-01-01'),
    item('B', 'B', 200n, '2024-02-01'),
    item('B', 'C', 300n, '2024-03-01'),
    item('B', 'D', 450n, '2024-04-01'),
  ];
  const find = (paid: bigint, policy = DEFAULT_MATCH_POLICY) =>
    findCombination(paid, open, EUR, d('2024-06-30'), policy);

  it('a unique combination', () => {
    const c = find(550n);
    expect(c.kind).toBe('unique');
    if (c.kind === 'unique') expect(c.items.map((i) => i.number)).toEqual(['A', 'D']);
  });

  it('two combinations: ambiguous, the oldest-first one proposed', () => {
    const c = find(300n); // A+B or C
    expect(c.kind).toBe('ambiguous');
    if (c.kind === 'ambiguous') expect(c.items.map((i) => i.number)).toEqual(['A', 'B']);
  });

  it('more documents than allowed in one combination: none', () => {
    expect(find(650n, MatchPolicySchema.parse({ subsetSum: { maxItems: 1 } })).kind).toBe('none');
    expect(find(650n).kind).toBe('unique'); // B + D
    // 750 is C + D or A + B + D: the bound on the count makes it unique.
    expect(find(750n).kind).toBe('ambiguous');
    expect(find(750n, MatchPolicySchema.parse({ subsetSum: { maxItems: 2 } })).kind).toBe('unique');
  });

  it('the whole account paid counts however many items it has', () => {
    const c = find(1_050n, MatchPolicySchema.parse({ subsetSum: { maxItems: 1 } }));
    expect(c.kind).toBe('unique');
  });

  it('a search cut short is ambiguous, never unique', () => {
    const many = Array.from({ length: 30 }, (_, i) => item('B', `N${i}`, BigInt(1000 + i * 7), '2024-01-01'));
    const tight = MatchPolicySchema.parse({ subsetSum: { maxSteps: 100 } });
    const c = findCombination(1000n + 1007n + 29n * 7n + 1000n + 203n, many, EUR, d('2024-06-30'), tight);
    expect(c.kind).not.toBe('unique');
  });
});
