import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import { levelDue } from './level';
import { ladderFor, parseDunningPolicy } from './policy';

// The seeds' ladder (the shipped default, packages/cli/config/dunning-policy.json, is checked in the CLI's tests).
const level = (id: string, offsetDays: number, channel: string, tone: string, deadlineDays: number) => ({
  id,
  offsetDays,
  channel,
  tone,
  fee: '0',
  deadlineDays,
});
const parsed = parseDunningPolicy({
  id: 'default',
  minimumOverdue: '50.00',
  levels: [
    level('pre_due', -15, 'email', 'reminder', 15),
    level('friendly', 1, 'email', 'reminder', 10),
    level('formal', 15, 'letter', 'warning', 10),
    level('final', 30, 'letter', 'final', 10),
    level('agency', 60, 'agency', 'final', 0),
    level('legal', 90, 'legal', 'final', 0),
  ],
  segments: [],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy = parsed.value;
const ladder = policy.levels;
const d = (s: string) => s as BusinessDate;
const due = d('2025-03-31');

describe('levelDue', () => {
  it.each([
    ['2025-03-15', undefined],
    ['2025-03-16', 'pre_due'],
    ['2025-03-31', 'pre_due'],
    ['2025-04-01', 'friendly'],
    ['2025-04-15', 'formal'],
    ['2025-04-30', 'final'],
    ['2025-05-30', 'agency'],
    ['2025-06-29', 'legal'],
  ])('on %s, with no letter yet: %s', (asOf, id) => {
    expect(levelDue(ladder, due, d(asOf))?.id).toBe(id);
  });

  it("moves on only after the last letter's payment deadline, to the level reached by then", () => {
    const last = { levelId: 'friendly', deadline: d('2025-04-11') };
    expect(levelDue(ladder, due, d('2025-04-11'), last)).toBeUndefined();
    expect(levelDue(ladder, due, d('2025-04-12'), last)).toBeUndefined(); // still friendly on day 12
    expect(levelDue(ladder, due, d('2025-04-15'), last)?.id).toBe('formal');
    expect(levelDue(ladder, due, d('2025-05-10'), last)?.id).toBe('final');
    expect(levelDue(ladder, due, d('2025-06-29'), { levelId: 'legal', deadline: d('2025-06-29') })).toBeUndefined();
  });
});

describe('parseDunningPolicy', () => {
  it('names every problem with its path', () => {
    const r = parseDunningPolicy({
      id: 'x',
      minimumOverdue: '-1',
      levels: [
        { id: 'a', offsetDays: 5, channel: 'fax', tone: 'reminder', fee: '0', deadlineDays: 1 },
        { id: 'a', offsetDays: 5, channel: 'email', tone: 'rude', fee: 'x', deadlineDays: -1 },
      ],
      segments: [{ when: {}, levels: [] }],
    });
    const why = r.ok ? '' : String(r.error.params.reason);
    for (const part of [
      'minimumOverdue',
      'levels[0].channel',
      'levels[1].id: "a" appears twice',
      'levels[1].offsetDays: must be later',
      'levels[1].tone',
      'levels[1].fee',
      'levels[1].deadlineDays',
      'segments[0].when',
      'segments[0].levels',
    ])
      expect(why).toContain(part);
  });

  it('picks the first segment a buyer matches', () => {
    const high = [
      { id: 'call_now', offsetDays: 1, channel: 'call' as const, tone: 'warning' as const, fee: '0', deadlineDays: 5 },
    ];
    const p = parseDunningPolicy({ ...policy, segments: [{ when: { tier: 'high' }, levels: high }] });
    if (!p.ok) throw new Error('policy');
    expect(ladderFor(p.value, { tier: 'high', country: 'DE' })).toEqual(high);
    expect(ladderFor(p.value, { tier: 'low', country: 'DE' })).toBe(p.value.levels);
  });
});
