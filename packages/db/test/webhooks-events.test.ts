import {
  addPromise,
  addWebhook,
  answerLimitRequest,
  type Company,
  checkOrderAndNotify,
  deliverOutbox,
  importBuyers,
  importDocuments,
  type OutboxEntry,
  requestLimit,
  runDunning,
  type Store,
  setCreditHold,
  setLimit,
  WEBHOOK_EVENT_TYPES,
} from '@credence/app';
import { type CheckPolicy, type DunningPolicy, date, parseRateTables } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { EUR, rowFile } from './fixtures';
import { type Harness, targets, useTarget } from './harness';

// Which changes write a webhook event, on the real stores: held and referred orders (not approved ones), limit
// requests, approvals, rejections and limits set, letters sent, promises found broken (once each); and none is
// left when the change it reports is rolled back.
const lvl = (id: string, offsetDays: number, channel: string) =>
  ({ id, offsetDays, channel, tone: 'reminder', fee: '0', deadlineDays: 10 }) as DunningPolicy['levels'][number];
const policy: DunningPolicy = {
  id: 'default',
  minimumOverdue: '50.00',
  levels: [lvl('friendly', 1, 'email'), lvl('formal', 15, 'email')],
  segments: [],
  firstRun: 'send',
};
const company: Company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg'],
  bankAccount: { bankName: 'Haspa', accountName: 'Nordlicht', iban: 'DE02200505501015871393' },
  contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
  language: 'en',
  interestRegime: 'none',
  promiseGraceDays: 3,
  planGraceDays: 5,
};
const parsed = parseRateTables({ ecb: {}, boe: {}, 'de-base': {} });
if (!parsed.ok) throw new Error('rates');
const rates = parsed.value;
const check: CheckPolicy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };
const today = date('2026-03-31');

async function seed(store: Store) {
  const cols = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'language', 'email'];
  const buyers = [
    ['B1', 'Alpha Ltd', 'GB', 'EUR', '30', 'en', 'ap@alpha.example'],
    ['B2', 'Beta BV', 'NL', 'EUR', '30', 'en', 'ap@beta.example'],
  ];
  expect((await importBuyers(store, rowFile('buyers.csv', cols, buyers))).ok).toBe(true);
  const docCols = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'];
  const invoices = [
    ['I-1', 'B1', '2026-02-01', '2026-03-20', '1000.00', 'EUR'],
    ['I-2', 'B2', '2026-02-01', '2026-03-20', '500.00', 'EUR'],
  ];
  expect((await importDocuments(store, rowFile('invoices.csv', docCols, invoices))).ok).toBe(true);
}

const types = async (h: Harness) =>
  (await sql<{ type: string }>`select type from webhook_events order by occurred_at, id`.execute(h.engine.db)).rows
    .map((r) => r.type)
    .sort();

const sendAll = async (e: OutboxEntry) => ({ status: 'sent' as const, channel: 'smtp', detail: `to ${e.recipient}` });

describe.each(targets())('webhook events on $name', (target) => {
  const h = useTarget(target);

  it('a hold and a referral write an event when subscribed to, an approval none', async () => {
    await h().reset();
    const s = h().store;
    await seed(s);
    const order = { buyerId: 'B1', amount: 10_000n, currency: EUR, asOf: today, orderId: 'SO-1' };
    // No limit: referred; nobody subscribed to referrals yet, so no event (the check stays a read).
    const unheard = await checkOrderAndNotify(s, check, order);
    expect(unheard.ok && unheard.value.decision).toBe('refer');
    expect(await types(h())).toEqual([]);
    const url = 'http://127.0.0.1:9/erp';
    expect((await addWebhook(s, { url, events: ['credit_check.hold', 'credit_check.refer'] })).ok).toBe(true);
    const referred = await checkOrderAndNotify(s, check, order);
    expect(referred.ok && referred.value.decision).toBe('refer');
    expect(await types(h())).toEqual(['credit_check.refer']);
    const limit = { buyerId: 'B1', amount: 5_000_000n, currency: EUR, validFrom: today, by: 'cm', reason: 'ok' };
    expect((await setLimit(s, limit, today)).ok).toBe(true);
    const approved = await checkOrderAndNotify(s, check, order);
    expect(approved.ok && approved.value.decision).toBe('approve');
    expect(await types(h())).toEqual(['credit_check.refer', 'limit.set']);
    const hold = { buyerId: 'B1', hold: true, reason: 'legal', by: 'cm' };
    expect((await setCreditHold(s, hold, today)).ok).toBe(true);
    const held = await checkOrderAndNotify(s, check, order);
    expect(held.ok && held.value.decision).toBe('hold');
    expect(await types(h())).toEqual(['credit_check.hold', 'credit_check.refer', 'limit.set']);
    const { rows } = await sql<{ payload: Record<string, unknown> }>`
      select payload from webhook_events where type = 'credit_check.hold'`.execute(h().engine.db);
    expect(rows[0]?.payload).toMatchObject({
      buyerId: 'B1',
      orderId: 'SO-1',
      decision: 'hold',
      order: { amount: '100.00', currency: 'EUR' },
      limit: { amount: '50000.00', currency: 'EUR' },
      reasons: [{ code: 'credit_hold' }],
    });
  });

  it('limit requests, approvals and rejections write theirs', async () => {
    await h().reset();
    const s = h().store;
    await seed(s);
    const ask = { buyerId: 'B2', amount: 100_000n, currency: EUR, validFrom: today, by: 'sam', reason: 'new' };
    const a = await requestLimit(s, ask, today);
    const b = await requestLimit(s, ask, today);
    if (!a.ok || !b.ok) throw new Error('request');
    const answer = { buyerId: 'B2', by: 'cm', reason: 'checked' };
    expect((await answerLimitRequest(s, { ...answer, requestId: a.value.id, approve: true }, today)).ok).toBe(true);
    expect((await answerLimitRequest(s, { ...answer, requestId: b.value.id, approve: false }, today)).ok).toBe(true);
    // Refused (answered already): no change, no event.
    expect((await answerLimitRequest(s, { ...answer, requestId: a.value.id, approve: true }, today)).ok).toBe(false);
    expect(await types(h())).toEqual(['limit.approved', 'limit.rejected', 'limit.requested', 'limit.requested']);
  });

  it('letters sent and promises broken write theirs, a promise once', async () => {
    await h().reset();
    const s = h().store;
    await seed(s);
    const promise = { buyerId: 'B1', amount: '1000.00', date: date('2026-04-03'), documents: ['I-1'], graceDays: 3 };
    expect((await addPromise(s, { ...promise, notes: '', by: 'anna' }, date('2026-03-30'))).ok).toBe(true);
    const run = (asOf: string) => runDunning(s, { asOf: date(asOf), policy, company, rates, dryRun: false });
    expect((await run('2026-03-31')).ok).toBe(true); // B2's letter; B1 promised
    expect((await deliverOutbox(s, sendAll, today)).sent).toBe(1);
    expect(await types(h())).toEqual(['letter.sent']);
    expect((await run('2026-04-07')).ok).toBe(true); // the promise broken: B1's letter
    expect((await run('2026-04-08')).ok).toBe(true);
    const failed = async () => ({ status: 'failed' as const, channel: 'smtp', detail: 'refused' });
    expect((await deliverOutbox(s, failed, date('2026-04-08'))).failed).toHaveLength(1);
    expect(await types(h())).toEqual(['letter.sent', 'promise.broken']);
    expect((await deliverOutbox(s, sendAll, date('2026-04-08'), { retryFailed: true })).sent).toBe(1);
    expect(await types(h())).toEqual(['letter.sent', 'letter.sent', 'promise.broken']);
    const { rows } = await sql<{ payload: Record<string, unknown>; dedup_key: string }>`
      select payload, dedup_key from webhook_events where type = 'promise.broken'`.execute(h().engine.db);
    expect(rows).toEqual([
      {
        payload: { promiseId: 'PRM-0001', buyerId: 'B1', brokenOn: '2026-04-07' },
        dedup_key: 'promise.broken:PRM-0001',
      },
    ]);
  });

  it('writes no event when the change it reports is rolled back', async () => {
    await h().reset();
    const s = h().store;
    await seed(s);
    const promise = { buyerId: 'B1', amount: '1000.00', date: date('2026-04-03'), documents: ['I-1'], graceDays: 3 };
    expect((await addPromise(s, { ...promise, notes: '', by: 'anna' }, date('2026-03-30'))).ok).toBe(true);
    // The run's transaction fails at its letters, after it wrote the broken promise and its webhook event.
    const failing: Store = {
      ...s,
      transact: (work) =>
        s.transact((tx) =>
          work({
            ...tx,
            insertLetters: async () => {
              throw new Error('disk full');
            },
          }),
        ),
    };
    const day = { asOf: date('2026-04-07'), policy, company, rates, dryRun: false };
    await expect(runDunning(failing, day)).rejects.toThrow('disk full');
    expect(await types(h())).toEqual([]);
    expect((await runDunning(s, day)).ok).toBe(true);
    expect(await types(h())).toEqual(['promise.broken']);
  });

  it('queues a delivery for each active subscription to the type', async () => {
    await h().reset();
    const s = h().store;
    await seed(s);
    const all = WEBHOOK_EVENT_TYPES.filter((t) => t !== 'webhook.ping');
    const one = await addWebhook(s, { url: 'https://a.example/hook', events: all });
    const two = await addWebhook(s, { url: 'https://b.example/hook', events: ['limit.set'] });
    if (!one.ok || !two.ok) throw new Error('add');
    const limit = { buyerId: 'B1', amount: 1n, currency: EUR, validFrom: today, by: 'cm', reason: 'ok' };
    await setLimit(s, limit, today);
    await requestLimit(s, limit, today);
    const { rows } = await sql<{ subscription_id: string; type: string }>`
      select d.subscription_id, e.type from webhook_deliveries d join webhook_events e on e.id = d.event_id
      order by e.type, d.subscription_id`.execute(h().engine.db);
    const [a, b] = [one.value.subscription.id, two.value.subscription.id];
    const expected = [
      { subscription_id: a, type: 'limit.requested' },
      ...[a, b].sort().map((id) => ({ subscription_id: id, type: 'limit.set' })),
    ];
    expect(rows).toEqual(expected);
  });
});
