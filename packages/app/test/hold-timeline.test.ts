import { type CurrencyCode, date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { alertHoldReason, buyerTimeline, dunningHoldReason, holdCause, SYSTEM_HOLDERS, setCreditHold } from '../src';
import { MemoryStore } from './memory-store';

// A hold the system set (an alert's, a dunning level's) shows on the timeline by its cause, with the rule's name
// and the alert's subject as parameters; a person's hold keeps the reason they gave.
const EUR = 'EUR' as CurrencyCode;

describe('holds on the timeline', () => {
  it('reads back the cause of the holds the system writes, and none of a person’s', () => {
    const key = 'overdue_days:B00016:INV-B00016-0076';
    expect(holdCause({ reason: alertHoldReason(key), by: SYSTEM_HOLDERS.alert })).toEqual({
      cause: 'alert',
      rule: 'overdue_days',
      subject: 'INV-B00016-0076',
      resolved: false,
    });
    expect(holdCause({ reason: alertHoldReason('over_limit:B1', true), by: SYSTEM_HOLDERS.alert })).toEqual({
      cause: 'alert',
      rule: 'over_limit',
      subject: '',
      resolved: true,
    });
    expect(holdCause({ reason: dunningHoldReason('final'), by: SYSTEM_HOLDERS.dunning })).toEqual({
      cause: 'dunning',
      level: 'final',
    });
    expect(holdCause({ reason: alertHoldReason(key), by: 'cora' })).toBeUndefined();
  });

  it('names the alert rule behind a hold, and keeps a person’s reason', async () => {
    const store = new MemoryStore();
    await store.transact(async (tx) => {
      await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
      await tx.appendHolds([
        {
          buyerId: 'B1',
          action: 'hold',
          reason: alertHoldReason('overdue_days:B1:INV-7'),
          by: SYSTEM_HOLDERS.alert,
          recordedOn: date('2026-06-01'),
        },
        {
          buyerId: 'B1',
          action: 'release',
          reason: alertHoldReason('overdue_days:B1:INV-7', true),
          by: SYSTEM_HOLDERS.alert,
          recordedOn: date('2026-06-10'),
        },
      ]);
    });
    expect(
      (await setCreditHold(store, { buyerId: 'B1', hold: true, reason: 'alert me', by: 'cora' }, date('2026-06-20')))
        .ok,
    ).toBe(true);
    const t = await buyerTimeline(store, 'B1');
    if (!t.ok) throw new Error('timeline');
    expect(t.value.map((e) => [e.kind, e.summary, e.params])).toEqual([
      [
        'credit_hold',
        'credit hold: alert "invoice long overdue" on INV-7',
        { reason: 'alert overdue_days:B1:INV-7', cause: 'alert', rule: 'overdue_days', subject: 'INV-7' },
      ],
      [
        'credit_release',
        'credit hold lifted: alert "invoice long overdue" on INV-7 resolved',
        { reason: 'alert overdue_days:B1:INV-7 resolved', cause: 'alert', rule: 'overdue_days', subject: 'INV-7' },
      ],
      ['credit_hold', 'alert me', { reason: 'alert me' }],
    ]);
  });
});
