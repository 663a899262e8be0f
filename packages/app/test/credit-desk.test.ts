import { type CheckPolicy, type CurrencyCode, date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { checkOrderAndNotify, listCheckResults, listLimitRequests, requestLimit } from '../src';
import { MemoryStore } from './memory-store';

// The credit desk's use cases on the in-memory store: a hold or referral is kept (an approval is not) and told to
// the webhooks only while a subscription takes it, in the same transaction; waiting limit requests across buyers.
const EUR = 'EUR' as CurrencyCode;
const policy: CheckPolicy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };
const today = date('2026-06-30');

async function withBuyers(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.transact(async (tx) => {
    await tx.upsertBuyers([
      { id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 },
      { id: 'B2', name: 'Birch', country: 'FR', currency: EUR, paymentTermsDays: 30 },
    ]);
    await tx.appendLimitEvent({
      buyerId: 'B1',
      kind: 'approval',
      amount: 10_000n,
      currency: EUR,
      validFrom: date('2026-01-01'),
      by: 'cora',
      reason: 'review',
      recordedOn: date('2026-01-01'),
    });
  });
  return store;
}

describe('the credit desk', () => {
  it('keeps a referral with its figures, not an approval; no webhook event without a subscription', async () => {
    const store = await withBuyers();
    const check = (amount: bigint) =>
      checkOrderAndNotify(store, policy, { buyerId: 'B1', amount, currency: EUR, asOf: today, orderId: 'SO-9' });
    expect((await check(5_000n)).ok).toBe(true);
    expect((await listCheckResults(store)).ok && (await store.creditCheckResults({ limit: 9, offset: 0 })).total).toBe(
      0,
    );
    await check(12_000n);
    const page = await listCheckResults(store, { decision: 'refer' });
    if (!page.ok) throw new Error('refused');
    expect(page.value.results).toEqual([
      expect.objectContaining({
        buyerId: 'B1',
        buyerName: 'Acme',
        orderId: 'SO-9',
        decision: 'refer',
        orderAmount: 12_000n,
        exposureAfter: 12_000n,
        limit: 10_000n,
        checkedBy: 'tester',
      }),
    ]);
    expect(store.webhookEvents()).toEqual([]);
    expect((await listCheckResults(store, { decision: 'hold' })).ok).toBe(true);
    expect((await listCheckResults(store, { limit: 501 })).ok).toBe(false);
  });

  it('lists the requests waiting across buyers with their age; an answered one leaves the list', async () => {
    const store = await withBuyers();
    const ask = (buyerId: string, on: string) =>
      requestLimit(
        store,
        { buyerId, amount: 20_000n, currency: EUR, validFrom: date(on), by: 'sam', reason: 'growth' },
        date(on),
      );
    const a = await ask('B1', '2026-06-10');
    await ask('B2', '2026-06-25');
    const page = await listLimitRequests(store, today);
    if (!page.ok || !a.ok) throw new Error('refused');
    expect(page.value.requests.map((r) => [r.buyerName, r.ageDays, r.current?.amount])).toEqual([
      ['Acme', 20, 10_000n],
      ['Birch', 5, undefined],
    ]);
    await store.transact((tx) =>
      tx.appendLimitEvent({ ...a.value, kind: 'rejection', requestId: a.value.id, by: 'cora', recordedOn: today }),
    );
    const after = await listLimitRequests(store, today);
    expect(after.ok && after.value.requests.map((r) => r.buyerName)).toEqual(['Birch']);
  });
});
