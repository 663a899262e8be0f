import { readFileSync } from 'node:fs';
import { parseDunningPolicy } from '@credence/core';
import { describe, expect, it } from 'vitest';

// The shipped configuration files parse, and say what the docs say.
const parsed = parseDunningPolicy(
  JSON.parse(readFileSync(new URL('../config/dunning-policy.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const ladder = parsed.value.levels;

describe('the default policy', () => {
  it('has the ladder of the seeds: 15 days before, day 1, 15, 30, 60 (agency), 90 (legal)', () => {
    expect(ladder.map((l) => [l.id, l.offsetDays, l.channel])).toEqual([
      ['pre_due', -15, 'email'],
      ['friendly', 1, 'email'],
      ['formal', 15, 'letter'],
      ['final', 30, 'letter'],
      ['agency', 60, 'agency'],
      ['legal', 90, 'legal'],
    ]);
  });
});
