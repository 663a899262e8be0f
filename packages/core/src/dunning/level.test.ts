import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import { escalatedLevel, levelDue } from './level';
import { ladderFor, parseDunningPolicy } from './policy';

// The seeds' ladder (the shipped default, packages/runtime/config/dunning-policy.json, is checked in the CLI's tests).
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
    ['2025-04-15', 'friendly'],
    ['2025-04-30', 'friendly'],
    ['2025-05-30', 'friendly'],
    ['2025-12-31', 'friendly'],
  ])('on %s, with no letter yet: %s (stepwise: every item starts at the first overdue level)', (asOf, id) => {
    expect(levelDue(ladder, due, d(asOf))?.id).toBe(id);
  });

  it("moves on only after the last letter's payment deadline, one level at a time", () => {
    const last = { levelId: 'friendly', deadline: d('2025-04-11') };
    expect(levelDue(ladder, due, d('2025-04-11'), last)).toBeUndefined();
    expect(levelDue(ladder, due, d('2025-04-12'), last)).toBeUndefined(); // still friendly on day 12
    expect(levelDue(ladder, due, d('2025-04-15'), last)?.id).toBe('formal');
    expect(levelDue(ladder, due, d('2025-05-10'), last)?.id).toBe('formal'); // final reached, formal not sent
    const formal = { levelId: 'formal', deadline: d('2025-05-20'), levels: ['friendly', 'formal'] };
    expect(levelDue(ladder, due, d('2025-07-30'), formal)?.id).toBe('final');
    const final = { levelId: 'final', deadline: d('2025-06-09'), levels: ['friendly', 'formal', 'final'] };
    expect(levelDue(ladder, due, d('2025-06-10'), final)?.id).toBe('agency');
    expect(levelDue(ladder, due, d('2025-06-29'), { levelId: 'legal', deadline: d('2025-06-29') })).toBeUndefined();
  });

  it('after a pre-due reminder, the first overdue level once the due date has passed', () => {
    const last = { levelId: 'pre_due', deadline: due };
    expect(levelDue(ladder, due, d('2025-03-31'), last)).toBeUndefined();
    expect(levelDue(ladder, due, d('2025-04-01'), last)?.id).toBe('friendly');
    expect(levelDue(ladder, due, d('2025-06-01'), last)?.id).toBe('friendly');
  });

  it('skips the levels a policy marks skippable, up to the level reached, but never to a hand-off without a formal notice', () => {
    const skip = (ids: string[]) => ladder.map((l) => (ids.includes(l.id) ? { ...l, skippable: true } : l));
    expect(levelDue(skip(['friendly']), due, d('2025-05-10'))?.id).toBe('formal');
    expect(levelDue(skip(['friendly', 'formal']), due, d('2025-05-10'))?.id).toBe('final');
    expect(levelDue(skip(['friendly', 'formal']), due, d('2025-04-20'))?.id).toBe('formal'); // final not reached
    // Everything skippable and 200 days overdue: still a final demand first, never straight to agency or legal.
    const all = skip(['friendly', 'formal', 'final', 'agency']);
    expect(levelDue(all, due, d('2025-10-17'))?.id).toBe('final');
    const noticed = { levelId: 'final', deadline: d('2025-10-27'), levels: ['final'] };
    expect(levelDue(all, due, d('2025-10-28'), noticed)?.id).toBe('legal');
    // A reminder only (no formal notice) before the hand-off: the formal notice comes first.
    const reminded = { levelId: 'friendly', deadline: d('2025-05-01'), levels: ['friendly'] };
    expect(levelDue(all, due, d('2025-10-28'), reminded)?.id).toBe('final');
  });
});

describe('escalatedLevel', () => {
  it('takes the next step at once after a broken promise, without waiting for a deadline or a day offset', () => {
    const formal = { levelId: 'formal', deadline: d('2025-04-25'), levels: ['friendly', 'formal'] };
    expect(escalatedLevel(ladder, due, d('2025-04-16'), formal)?.id).toBe('final');
    expect(escalatedLevel(ladder, due, d('2025-04-16'))?.id).toBe('friendly');
    const friendly = { levelId: 'friendly', deadline: d('2025-04-25'), levels: ['friendly'] };
    expect(escalatedLevel(ladder, due, d('2025-08-16'), friendly)?.id).toBe('formal');
  });
});

describe('parseDunningPolicy', () => {
  it('names every problem with its path', () => {
    const r = parseDunningPolicy({
      id: 'x',
      minimumOverdue: '-1',
      levels: [
        { id: 'a', offsetDays: 5, channel: 'fax', tone: 'reminder', fee: '0', deadlineDays: 1 },
        { id: 'a', offsetDays: 5, channel: 'email', tone: 'rude', fee: 'x', deadlineDays: -1, skippable: 'yes' },
      ],
      firstRun: 'maybe',
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
      'levels[1].skippable',
      'firstRun',
    ])
      expect(why).toContain(part);
  });

  it('refuses an agency or legal level without a formal notice before it on the same ladder', () => {
    const r = parseDunningPolicy({
      ...policy,
      levels: [level('friendly', 1, 'email', 'reminder', 10), level('agency', 30, 'agency', 'final', 7)],
    });
    expect(r.ok ? '' : String(r.error.params.reason)).toContain(
      'levels[1]: an agency or legal level needs a formal notice',
    );
    expect(parseDunningPolicy({ ...policy, firstRun: 'send' }).ok).toBe(true);
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

describe('repeatEveryDays: a level sent again while the item has not reached the next', () => {
  const ladder = [
    {
      id: 'friendly',
      offsetDays: 1,
      channel: 'email',
      tone: 'reminder',
      fee: '0',
      deadlineDays: 1,
      repeatEveryDays: 3,
    },
    { id: 'formal', offsetDays: 10, channel: 'letter', tone: 'warning', fee: '0', deadlineDays: 5 },
  ] as const;
  const due = '2026-03-01' as BusinessDate;
  const last = { levelId: 'friendly', deadline: '2026-03-03' as BusinessDate }; // sent 03-02
  it('waits for the interval, then repeats', () => {
    expect(levelDue(ladder, due, '2026-03-04' as BusinessDate, last)).toBeUndefined();
    expect(levelDue(ladder, due, '2026-03-05' as BusinessDate, last)?.id).toBe('friendly');
  });
  it('moves on, not again, once the next level is reached', () => {
    expect(levelDue(ladder, due, '2026-03-11' as BusinessDate, last)?.id).toBe('formal');
  });
  it('a level without it is sent once', () => {
    const { repeatEveryDays: _, ...first } = ladder[0];
    const once = [first, ladder[1]];
    expect(levelDue(once, due, '2026-03-05' as BusinessDate, last)).toBeUndefined();
  });
  it('the policy refuses a repeat that is not whole days ≥ 1, and a hold that is not true or false', () => {
    const bad = parseDunningPolicy({
      id: 'x',
      minimumOverdue: '0',
      levels: [{ ...ladder[0], repeatEveryDays: 0, hold: 'yes', channel: 'sms' }],
      segments: [],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.params.reason).toContain('levels[0].repeatEveryDays');
      expect(bad.error.params.reason).toContain('levels[0].hold');
      expect(bad.error.params.reason).not.toContain('channel');
    }
  });
});

describe('dunningRhythm: the course of an unpaid invoice, a run every day', () => {
  it('repeats a level at its interval and moves on when the next is reached', async () => {
    const { dunningRhythm } = await import('./rhythm');
    const ladder = [
      {
        id: 'friendly',
        offsetDays: 1,
        channel: 'email',
        tone: 'reminder',
        fee: '0',
        deadlineDays: 1,
        repeatEveryDays: 3,
      },
      { id: 'formal', offsetDays: 10, channel: 'letter', tone: 'warning', fee: '0', deadlineDays: 5 },
    ] as const;
    expect(dunningRhythm(ladder, -5, 30).map((s) => `${s.day} ${s.level.id}`)).toEqual([
      '1 friendly',
      '4 friendly',
      '7 friendly',
      '10 formal',
    ]);
  });
});
