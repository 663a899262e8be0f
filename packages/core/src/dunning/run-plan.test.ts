import { describe, expect, it } from 'vitest';
import { addDays, type BusinessDate, date } from '../calendar';
import type { CurrencyCode } from '../money/currency';
import { deadlineOf, type LastLetter } from './level';
import type { DunningPolicy } from './policy';
import { type DunnableItem, type DunningInput, planDunning } from './run-plan';

const EUR = 'EUR' as CurrencyCode;
const lvl = (id: string, offsetDays: number, deadlineDays = 10) =>
  ({ id, offsetDays, channel: 'email', tone: 'reminder', fee: '0', deadlineDays }) as const;
const policy: DunningPolicy = {
  id: 't',
  minimumOverdue: '50.00',
  levels: [lvl('pre_due', -15, 15), lvl('friendly', 1), lvl('formal', 15), lvl('final', 30), lvl('agency', 60, 0)],
  segments: [{ when: { tier: 'high' }, levels: [lvl('friendly', 1), lvl('final', 8)] }],
};
const asOf = date('2026-03-31');
const item = (number: string, buyerId: string, daysOverdue: number, open = 100_00n): DunnableItem => ({
  number,
  buyerId,
  currency: EUR,
  dueDate: addDays(asOf, -daysOverdue),
  open,
});
const input = (items: DunnableItem[], over: Partial<DunningInput> = {}): DunningInput => ({
  asOf,
  policy,
  buyers: new Map(
    ['A', 'B', 'C', 'H'].map((id) => [id, { id, country: 'DE', ...(id === 'H' ? { tier: 'high' as const } : {}) }]),
  ),
  items,
  lastLetters: new Map(),
  excluded: new Map(),
  pausedBuyers: new Set(),
  escalate: new Set(),
  ...over,
});
const summary = (p: ReturnType<typeof planDunning>) =>
  p.letters.map(
    (l) => `${l.buyerId}:${l.level.id}:${l.items.map((i) => `${i.number}@${i.level.id}`).join('+')}→${l.nextStep}`,
  );

describe('planDunning', () => {
  it('writes one letter per buyer at the highest level due, each item at its own level, in due-date order', () => {
    const items = [
      item('A3', 'A', 16),
      item('A1', 'A', -15),
      item('A2', 'A', 3),
      item('A4', 'A', 20),
      item('A0', 'A', -16),
    ];
    // No letter yet: stepwise, every overdue item starts at friendly; the pre-due item is listed as a courtesy.
    const p = planDunning(input(items));
    expect(summary(p)).toEqual(['A:friendly:A4@friendly+A3@friendly+A2@friendly+A1@pre_due→email']);
    expect(p.letters[0]?.items.map((i) => i.daysOverdue)).toEqual([20, 16, 3, -15]);
    // A4's friendly reminder has expired: it moves to formal, and so does the buyer's one letter.
    const last = new Map<string, LastLetter>([['A4', { levelId: 'friendly', deadline: addDays(asOf, -1) }]]);
    expect(summary(planDunning(input(items, { lastLetters: last })))).toEqual([
      'A:formal:A4@formal+A3@friendly+A2@friendly+A1@pre_due→email',
    ]);
    // Nothing overdue: a courtesy reminder of its own.
    expect(summary(planDunning(input([item('A1', 'A', -15)])))).toEqual(['A:pre_due:A1@pre_due→email']);
  });

  it('uses the ladder of the segment the buyer is in', () => {
    expect(summary(planDunning(input([item('H1', 'H', 9)])))).toEqual(['H:friendly:H1@friendly→email']);
    const last = new Map<string, LastLetter>([['H1', { levelId: 'friendly', deadline: addDays(asOf, -1) }]]);
    expect(summary(planDunning(input([item('H1', 'H', 9)], { lastLetters: last })))).toEqual(['H:final:H1@final→none']);
  });

  it('holds out disputed, promised and planned items and paused buyers, naming why', () => {
    const p = planDunning(
      input([item('A1', 'A', 20), item('A2', 'A', 20), item('B1', 'B', 40), item('C1', 'C', 5), item('C2', 'C', 5)], {
        excluded: new Map([
          ['A1', 'disputed'],
          ['C1', 'promised'],
          ['C2', 'plan'],
        ]),
        pausedBuyers: new Set(['B']),
      }),
    );
    expect(summary(p)).toEqual(['A:friendly:A2@friendly→email']);
    expect(p.skipped.map((s) => `${s.number}:${s.reason}`)).toEqual([
      'A1:disputed',
      'B1:paused',
      'C1:promised',
      'C2:plan',
    ]);
  });

  it('sends nothing below the minimum per buyer and currency, summing all the items due for a letter', () => {
    const p = planDunning(input([item('A1', 'A', 5, 30_00n), item('B1', 'B', 5, 30_00n), item('B2', 'B', 20, 20_00n)]));
    expect(summary(p)).toEqual(['B:friendly:B2@friendly+B1@friendly→email']);
    expect(p.skipped).toEqual([{ number: 'A1', buyerId: 'A', reason: 'below_minimum' }]);
  });

  it('takes the minimum on the overdue balance, waiting items included and pre-due amounts not', () => {
    const waiting = new Map<string, LastLetter>([['B0', { levelId: 'formal', deadline: addDays(asOf, 5) }]]);
    const p = planDunning(
      input(
        [
          item('A1', 'A', 5, 20_00n),
          item('A2', 'A', -15, 800_00n),
          item('B0', 'B', 20, 1000_00n),
          item('B1', 'B', 5, 20_00n),
        ],
        {
          lastLetters: waiting,
        },
      ),
    );
    expect(summary(p)).toEqual(['A:pre_due:A2@pre_due→email', 'B:friendly:B1@friendly→email']);
    expect(p.skipped).toEqual([{ number: 'A1', buyerId: 'A', reason: 'below_minimum' }]);
  });

  it('does not escalate an item that is not yet due', () => {
    const last = new Map<string, LastLetter>([['A1', { levelId: 'pre_due', deadline: addDays(asOf, 3) }]]);
    expect(planDunning(input([item('A1', 'A', -3)], { lastLetters: last, escalate: new Set(['A1']) })).letters).toEqual(
      [],
    );
  });

  it('sets credits against the oldest items first, letters waiting ones included, and leaves held items out of the minimum', () => {
    const waiting = new Map<string, LastLetter>([['A1', { levelId: 'friendly', deadline: addDays(asOf, 3) }]]);
    const credits = [{ buyerId: 'A', kind: 'credit_note' as const, reference: 'CN-1', currency: EUR, amount: 600_00n }];
    const p = planDunning(
      input(
        [
          item('A1', 'A', 10, 1000_00n),
          item('A2', 'A', 2, 100_00n),
          item('B1', 'B', 40, 10000_00n),
          item('B2', 'B', 5, 20_00n),
        ],
        {
          lastLetters: waiting,
          credits,
          excluded: new Map([['B1', 'promised' as const]]),
        },
      ),
    );
    // The credit note goes to A1 (waiting for its reminder's deadline): A2's reminder asks for its 100.00 in full.
    expect(summary(p)).toEqual(['A:friendly:A2@friendly→email']);
    expect(p.letters[0]?.items[0]?.credits).toEqual([]);
    // B's promised 10,000 is held: the 20.00 left is below the minimum.
    expect(p.skipped.map((x) => `${x.number}:${x.reason}`)).toEqual(['B1:promised', 'B2:below_minimum']);
  });

  it('counts the buyer’s credits against the minimum, and sends nothing when they cover the balance', () => {
    const credits = [
      { buyerId: 'A', kind: 'unapplied_cash' as const, currency: EUR, amount: 60_00n },
      { buyerId: 'B', kind: 'unapplied_cash' as const, currency: EUR, amount: 500_00n },
    ];
    const p = planDunning(
      input([item('A1', 'A', 5, 100_00n), item('C1', 'C', 5, 100_00n), item('B1', 'B', 5, 400_00n)], { credits }),
    );
    expect(summary(p)).toEqual(['C:friendly:C1@friendly→email']);
    expect(p.skipped.map((s) => `${s.number}:${s.reason}`)).toEqual(['A1:below_minimum', 'B1:covered_by_credits']);
  });

  it('sends nothing for an item whose last letter deadline has not passed, and moves on after it', () => {
    const last = new Map<string, LastLetter>([['A1', { levelId: 'friendly', deadline: addDays(asOf, 1) }]]);
    expect(planDunning(input([item('A1', 'A', 20)], { lastLetters: last })).letters).toEqual([]);
    const passed = new Map<string, LastLetter>([['A1', { levelId: 'friendly', deadline: addDays(asOf, -1) }]]);
    expect(summary(planDunning(input([item('A1', 'A', 20)], { lastLetters: passed })))).toEqual([
      'A:formal:A1@formal→email',
    ]);
  });

  it('a second run of the same date, with the first run’s letters recorded, plans nothing', () => {
    const items = [item('A1', 'A', -15), item('A2', 'A', 1), item('A3', 'A', 61), item('B1', 'B', 30)];
    const first = planDunning(input(items));
    const lastLetters = new Map<string, LastLetter>();
    for (const l of first.letters)
      for (const i of l.items) lastLetters.set(i.number, { levelId: i.level.id, deadline: deadlineOf(i.level, asOf) });
    expect(first.letters).toHaveLength(2);
    expect(planDunning(input(items, { lastLetters })).letters).toEqual([]);
  });

  it('escalates an item whose promise broke at once, past the deadline of its last letter', () => {
    const last = new Map<string, LastLetter>([['A1', { levelId: 'formal', deadline: addDays(asOf, 5) }]]);
    const p = planDunning(input([item('A1', 'A', 18)], { lastLetters: last, escalate: new Set(['A1']) }));
    expect(summary(p)).toEqual(['A:final:A1@final→email']);
  });

  it('never letters an item with nothing open (paid or credited)', () => {
    expect(planDunning(input([item('A1', 'A', 40, 0n)])).letters).toEqual([]);
  });
});

describe('escalation at the end of the ladder', () => {
  it('has nothing after the last level', () => {
    const last = new Map<string, LastLetter>([['A1', { levelId: 'agency', deadline: '2026-01-01' as BusinessDate }]]);
    const p = planDunning(input([item('A1', 'A', 80)], { lastLetters: last, escalate: new Set(['A1']) }));
    expect(p.letters).toEqual([]);
  });
});
