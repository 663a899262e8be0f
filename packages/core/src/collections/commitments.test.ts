import { describe, expect, it } from 'vitest';
import { date } from '../calendar';
import type { CurrencyCode } from '../money/currency';
import { planOutcome, promiseOutcome } from './commitments';
import type { CollectionEvent } from './events';
import { collectionsState, pausedOn } from './state';

const EUR = 'EUR' as CurrencyCode;
const base = { buyerId: 'B1', by: 'anna' };
const events: CollectionEvent[] = [
  {
    ...base,
    kind: 'promise_made',
    id: 'P-1',
    date: date('2026-03-01'),
    amount: 500_00n,
    currency: EUR,
    promisedDate: date('2026-03-10'),
    graceDays: 3,
    documents: ['I-1'],
    notes: '',
  },
  {
    ...base,
    kind: 'plan_created',
    id: 'PL-1',
    date: date('2026-03-01'),
    currency: EUR,
    documents: ['I-2', 'I-3'],
    graceDays: 5,
    notes: '',
    instalments: [
      { date: date('2026-04-30'), amount: 300_00n },
      { date: date('2026-03-31'), amount: 300_00n },
      { date: date('2026-05-31'), amount: 400_00n },
    ],
  },
  {
    ...base,
    kind: 'dispute_opened',
    id: 'D-1',
    date: date('2026-03-02'),
    documents: ['I-4'],
    reason: 'quality',
    owner: 'ben',
    notes: 'scratched',
  },
  { ...base, kind: 'paused', date: date('2026-03-05'), until: date('2026-03-20'), reason: 'merger talks' },
];

describe('promises', () => {
  const p = collectionsState(events).promises.get('P-1');
  it('is open until the promised date plus grace, kept once paid, broken after', () => {
    if (!p) throw new Error('no promise');
    expect(promiseOutcome(p, 0n, date('2026-03-13'))).toBe('open');
    expect(promiseOutcome(p, 499_99n, date('2026-03-14'))).toBe('broken');
    expect(promiseOutcome(p, 500_00n, date('2026-03-14'))).toBe('kept');
  });
  it('takes its status from the events', () => {
    const s = collectionsState([...events, { ...base, kind: 'promise_broken', id: 'P-1', date: date('2026-03-14') }]);
    expect(s.promises.get('P-1')).toMatchObject({ status: 'broken', settledOn: '2026-03-14' });
  });
});

describe('payment plans', () => {
  const plan = collectionsState(events).plans.get('PL-1');
  it('covers every instalment past its date plus grace, cumulatively, in date order', () => {
    if (!plan) throw new Error('no plan');
    expect(planOutcome(plan, 1000_00n, date('2026-04-05'))).toEqual({ status: 'active' });
    expect(planOutcome(plan, 1000_00n, date('2026-04-06'))).toEqual({ status: 'broken', missed: '2026-03-31' });
    expect(planOutcome(plan, 700_00n, date('2026-05-06'))).toEqual({ status: 'broken', missed: '2026-04-30' });
    expect(planOutcome(plan, 400_00n, date('2026-05-06'))).toEqual({ status: 'active' });
    expect(planOutcome(plan, 0n, date('2026-05-06'))).toEqual({ status: 'completed' });
  });
});

describe('disputes and pauses', () => {
  it('keeps a dispute open until resolved, with the resolution', () => {
    const s = collectionsState([
      ...events,
      {
        ...base,
        kind: 'dispute_resolved',
        id: 'D-1',
        date: date('2026-03-09'),
        outcome: 'partial',
        accepted: 20_00n,
        notes: '',
      },
    ]);
    expect(collectionsState(events).disputes.get('D-1')?.resolution).toBeUndefined();
    expect(s.disputes.get('D-1')?.resolution).toMatchObject({
      outcome: 'partial',
      accepted: 20_00n,
      date: '2026-03-09',
    });
  });
  it('pauses a buyer from its date to its end date, and not after a resume', () => {
    const s = collectionsState(events);
    expect(pausedOn(s, 'B1', date('2026-03-04'))).toBeUndefined();
    expect(pausedOn(s, 'B1', date('2026-03-20'))?.reason).toBe('merger talks');
    expect(pausedOn(s, 'B1', date('2026-03-21'))).toBeUndefined();
    const resumed = collectionsState([
      ...events,
      { ...base, kind: 'resumed', date: date('2026-03-08'), reason: 'signed' },
    ]);
    expect(pausedOn(resumed, 'B1', date('2026-03-10'))).toBeUndefined();
  });
});
