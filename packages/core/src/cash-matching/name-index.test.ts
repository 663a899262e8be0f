import { describe, expect, it } from 'vitest';
import { Rng } from '../random/prng';
import { NameIndex } from './name-index';
import { formScore, nameForm } from './names';
import { asBankWrites, companyNames, strangerName } from './synthetic-names.test-support';
import type { CandidateBuyer } from './types';

// The name index must give what scoring every buyer gives: the buyers it leaves out cannot reach the threshold.
describe('NameIndex', () => {
  const rng = new Rng(16);
  const buyers: CandidateBuyer[] = companyNames(rng, 400).map((name, i) => ({ id: `B${i}`, name }));
  const index = new NameIndex(buyers);
  const forms = buyers.map((b) => ({ id: b.id, form: nameForm(b.name) }));
  const brute = (name: string, threshold: number) =>
    forms
      .map((b) => ({ id: b.id, score: formScore(nameForm(name), b.form) }))
      .filter((s) => s.score >= threshold)
      .sort((a, b) => (a.id < b.id ? -1 : 1));

  it.each([0.95, 0.88, 0.8, 0.6, 0.45, 0.3])('finds every buyer scoring at least %s, and only those', (threshold) => {
    const queries = [
      ...buyers.slice(0, 150).map((b) => asBankWrites(rng, b.name)),
      ...Array.from({ length: 30 }, () => strangerName(rng)),
      'NORDWIND',
      'X',
    ];
    let found = 0;
    for (const q of queries) {
      const got = index
        .near(q, threshold)
        .map(({ buyer, score }) => ({ id: buyer.id, score }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(got, q).toEqual(brute(q, threshold));
      found += got.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('scores a normalised name once: the same payer written otherwise is not scored again', () => {
    const fresh = new NameIndex(buyers);
    const first = fresh.near('Nordwind Logistik GmbH', 0.88);
    const scored = fresh.work.scored;
    expect(scored).toBeGreaterThan(0);
    expect(fresh.near('NORDWIND LOGISTIK G.m.b.H.', 0.88)).toEqual(first);
    expect(fresh.work.scored).toBe(scored);
    // Another threshold is another question.
    fresh.near('Nordwind Logistik GmbH', 0.6);
    expect(fresh.work.scored).toBeGreaterThan(scored);
  });

  it('checks each name at most once per query, and scores only those the character bound lets through', () => {
    const fresh = new NameIndex(buyers);
    const queries = buyers.slice(0, 50).map((b) => asBankWrites(rng, b.name));
    for (const q of queries) fresh.near(q, 0.88);
    expect(fresh.work.checked).toBeLessThanOrEqual(queries.length * buyers.length);
    expect(fresh.work.scored).toBeLessThan(fresh.work.checked / 4);
  });

  it('an empty name finds nobody', () => {
    expect(index.near('GmbH', 0.5)).toEqual([]);
  });
});
