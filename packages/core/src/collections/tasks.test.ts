import { describe, expect, it } from 'vitest';
import { type BusinessDate, date } from '../calendar';
import type { CurrencyCode } from '../money/currency';
import type { CollectionEvent } from './events';
import { collectionsState } from './state';
import { reconcileTasks, type StoredTask, type TaskCandidate, type TaskFacts, taskDealtWith } from './tasks';

const EUR = 'EUR' as CurrencyCode;
const d = (s: string): BusinessDate => date(s);

const candidate = (over: Partial<TaskCandidate> & Pick<TaskCandidate, 'key' | 'action'>): TaskCandidate => ({
  buyerId: 'B1',
  subject: over.key.split(':')[1] ?? '',
  reason: { code: 'letter', params: { letter: over.key } },
  amount: 100_00n,
  currency: 'EUR',
  exponent: 2,
  daysOverdue: 20,
  documents: ['I-1'],
  ...over,
});
const kept = (c: TaskCandidate, over: Partial<StoredTask> = {}): StoredTask => ({
  ...c,
  openedOn: d('2026-04-01'),
  state: 'open',
  stateOn: d('2026-04-01'),
  ...over,
});
const facts = (events: CollectionEvent[] = [], open: string[] = ['I-1', 'I-2'], failed: string[] = []): TaskFacts => ({
  openDocuments: new Set(open),
  state: collectionsState(events),
  events,
  failedOutbox: new Set(failed),
});
const base = { buyerId: 'B1', by: 'anna' };

describe('taskDealtWith', () => {
  const post = kept(candidate({ key: 'post_letter:L-1', action: 'post_letter', documents: ['I-1', 'I-2'] }));
  it('closes a task whose documents are all paid, or paid and in hand; not while one is still open and idle', () => {
    expect(taskDealtWith(post, facts([], []))).toBe('paid');
    expect(taskDealtWith(post, facts([], ['I-2']))).toBeUndefined();
    const dispute: CollectionEvent = {
      ...base,
      kind: 'dispute_opened',
      date: d('2026-04-02'),
      id: 'DSP-1',
      documents: ['I-2'],
      reason: 'price',
      owner: 'ben',
      notes: '',
    };
    expect(taskDealtWith(post, facts([dispute], ['I-2']))).toBe('in_hand');
    // Another buyer's dispute on a document of the same number does not count.
    expect(taskDealtWith(post, facts([{ ...dispute, buyerId: 'B9' }], ['I-2']))).toBeUndefined();
  });

  it('closes an insurance deadline only when its documents are paid: a dispute or promise does not move it', () => {
    const mep = kept(
      candidate({ key: 'insurance_deadline:P1/B1/mep/2026-04-10', action: 'insurance_deadline', documents: ['I-2'] }),
    );
    const dispute: CollectionEvent = {
      ...base,
      kind: 'dispute_opened',
      date: d('2026-04-02'),
      id: 'DSP-1',
      documents: ['I-2'],
      reason: 'price',
      owner: 'ben',
      notes: '',
    };
    expect(taskDealtWith(mep, facts([dispute], ['I-2']))).toBeUndefined();
    expect(taskDealtWith(mep, facts([dispute], []))).toBe('paid');
  });

  it('closes a call task with a call recorded since it opened, not with one before', () => {
    const call = kept(candidate({ key: 'call:L-2', action: 'call' }));
    const at = (s: string): CollectionEvent => ({ ...base, kind: 'call', date: d(s), text: 'reached', documents: [] });
    expect(taskDealtWith(call, facts([at('2026-03-30')]))).toBeUndefined();
    expect(taskDealtWith(call, facts([at('2026-04-03')]))).toBe('call_recorded');
  });

  it('follows a promise: kept or broken closes the check; a new promise closes the follow-up', () => {
    const made: CollectionEvent = {
      ...base,
      kind: 'promise_made',
      date: d('2026-03-25'),
      id: 'PRM-1',
      amount: 100_00n,
      currency: EUR,
      promisedDate: d('2026-04-01'),
      graceDays: 3,
      documents: ['I-1'],
      notes: '',
    };
    const check = kept(candidate({ key: 'check_promise:PRM-1', action: 'check_promise' }));
    expect(taskDealtWith(check, facts([made]))).toBeUndefined();
    const broken: CollectionEvent = { ...base, kind: 'promise_broken', date: d('2026-04-05'), id: 'PRM-1' };
    expect(taskDealtWith(check, facts([made, broken]))).toBe('promise_broken');
    const follow = kept(candidate({ key: 'follow_up_promise:PRM-1', action: 'follow_up_promise' }), {
      openedOn: d('2026-04-05'),
    });
    expect(taskDealtWith(follow, facts([made, broken]))).toBeUndefined();
    const again: CollectionEvent = { ...made, id: 'PRM-2', date: d('2026-04-06'), promisedDate: d('2026-04-20') };
    expect(taskDealtWith(follow, facts([made, broken, again]))).toBe('followed_up');
  });

  it('closes a failed delivery once it is no longer failed', () => {
    const fix = kept(candidate({ key: 'fix_delivery:O-1', action: 'fix_delivery' }));
    expect(taskDealtWith(fix, facts([], ['I-1'], ['O-1']))).toBeUndefined();
    expect(taskDealtWith(fix, facts([], ['I-1'], []))).toBe('delivered');
  });
});

describe('reconcileTasks', () => {
  const asOf = d('2026-04-02');
  it('opens new tasks, carries over open ones with their figures of the day, and keeps done ones done', () => {
    const a = candidate({ key: 'post_letter:L-1', action: 'post_letter' });
    const b = candidate({ key: 'post_letter:L-0', action: 'post_letter', documents: ['I-2'] });
    const c = candidate({ key: 'hand_off:L-9', action: 'hand_off', documents: ['I-2'] });
    const r = reconcileTasks(
      [kept(b), kept(c, { state: 'done', closeReason: 'marked_done', stateOn: d('2026-04-01') })],
      [a, c],
      facts(),
      asOf,
      (t) => ({ ...t, amount: 40_00n }),
    );
    expect(r.open.map((t) => [t.key, t.openedOn, t.amount])).toEqual([
      ['post_letter:L-1', asOf, 100_00n],
      ['post_letter:L-0', d('2026-04-01'), 40_00n],
    ]);
    expect(r.changed.map((t) => t.key).sort()).toEqual(['post_letter:L-0', 'post_letter:L-1']);
    expect(r.closed).toEqual([]);
  });

  it('closes what something recorded dealt with, and wakes a snoozed task on its date', () => {
    const a = kept(candidate({ key: 'post_letter:L-1', action: 'post_letter' }));
    const s = kept(candidate({ key: 'call:L-3', action: 'call', documents: ['I-2'] }), {
      state: 'snoozed',
      snoozedUntil: d('2026-04-03'),
    });
    const before = reconcileTasks([a, s], [], facts([], ['I-2']), asOf);
    expect(before.closed.map((t) => [t.key, t.closeReason, t.state, t.stateOn])).toEqual([
      ['post_letter:L-1', 'paid', 'done', asOf],
    ]);
    expect(before.open).toEqual([]);
    const woken = reconcileTasks([s], [], facts([], ['I-2']), d('2026-04-03'));
    expect(woken.open.map((t) => [t.key, t.state, t.snoozedUntil])).toEqual([['call:L-3', 'open', undefined]]);
  });

  it('changes nothing when run twice on the same facts', () => {
    const first = reconcileTasks([], [candidate({ key: 'call:L-5', action: 'call' })], facts(), asOf);
    const second = reconcileTasks(first.changed, [candidate({ key: 'call:L-5', action: 'call' })], facts(), asOf);
    expect(second.changed).toEqual([]);
    expect(second.open.map((t) => t.key)).toEqual(['call:L-5']);
  });
});
