import {
  addWebhook,
  deliverDueWebhooks,
  requestLimit,
  type Store,
  verifyWebhookSignature,
  WEBHOOK_MAX_ATTEMPTS,
  webhookDeliveries,
} from '@credence/app';
import { date } from '@credence/core';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import { storeOn } from '../src/store';
import { EUR } from './fixtures';
import { type Harness, targets, useTarget } from './harness';
import { receiver } from './webhook-receiver';

// The dispatcher on the real stores, against a real HTTP receiver: signed requests, retries with backoff on an
// injected clock, a timeout, and two dispatchers at once on PostgreSQL delivering each delivery once.
const T0 = new Date('2026-06-30T08:00:00Z');
const today = date('2026-06-30');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const buyer = { id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 };
const request = { buyerId: 'B1', amount: 50_000n, currency: EUR, validFrom: today, by: 'sam', reason: 'new' };

/** The harness's engine with the clock at T0 (events occur, deliveries fall due, at T0). */
async function fresh(h: Harness): Promise<Store> {
  await h.reset();
  const store = storeOn(h.engine, { by: 'anna', now: () => T0 });
  await store.transact((tx) => tx.upsertBuyers([buyer]));
  return store;
}

async function subscribe(store: Store, url: string) {
  const added = await addWebhook(store, { url, events: ['limit.requested'] });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  return added.value;
}

const log = async (store: Store, id: string) => {
  const r = await webhookDeliveries(store, id);
  if (!r.ok) throw new Error('no log');
  return r.value.deliveries;
};

describe.each(targets())('webhook dispatcher on $name', (target) => {
  const h = useTarget(target);

  it('signs each request, and retries after a 500 once the backoff has passed', async () => {
    const store = await fresh(h());
    const rx = await receiver([500, 204]);
    try {
      const { subscription, secret } = await subscribe(store, rx.url);
      expect((await requestLimit(store, request, today)).ok).toBe(true);
      expect(await deliverDueWebhooks(store, { now: T0 })).toEqual({
        attempted: 1,
        delivered: 0,
        retrying: 1,
        failed: 0,
      });
      const [first] = await log(store, subscription.id);
      expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(first?.nextAttemptAt).toEqual(at(30));
      expect((await deliverDueWebhooks(store, { now: at(29) })).attempted).toBe(0);
      expect((await deliverDueWebhooks(store, { now: at(30) })).delivered).toBe(1);
      const [done] = await log(store, subscription.id);
      expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204, deliveredAt: at(30) });
      expect(done).not.toHaveProperty('lastError');
      expect(rx.received).toHaveLength(2);
      for (const [i, r] of rx.received.entries()) {
        expect(r.headers['content-type']).toBe('application/json');
        expect(r.headers['credence-event']).toBe('limit.requested');
        expect(r.headers['credence-delivery']).toBe(done?.id);
        const signature = String(r.headers['credence-signature']);
        expect(verifyWebhookSignature(signature, r.body, secret, at(i * 30))).toBe(true);
        expect(verifyWebhookSignature(signature, r.body, 'whsec_wrong', at(i * 30))).toBe(false);
        expect(verifyWebhookSignature(signature, `${r.body} `, secret, at(i * 30))).toBe(false);
        expect(verifyWebhookSignature(signature, r.body, secret, at(i * 30 + 301))).toBe(false);
        expect(JSON.parse(r.body)).toMatchObject({
          id: done?.eventId,
          type: 'limit.requested',
          occurredAt: T0.toISOString(),
          data: { buyerId: 'B1', kind: 'request', amount: { amount: '500.00', currency: 'EUR' }, by: 'sam' },
        });
      }
      expect(await deliverDueWebhooks(store, { now: at(3600) })).toMatchObject({ attempted: 0 });
    } finally {
      await rx.close();
    }
  });

  it('backs off 30 s × 2^n up to an hour, and gives up after the last attempt', async () => {
    const store = await fresh(h());
    const { subscription } = await subscribe(store, 'https://receiver.example/hooks');
    expect((await requestLimit(store, request, today)).ok).toBe(true);
    const send = async () => ({ status: 503 });
    const waits: number[] = [];
    let now = T0;
    for (let i = 1; i <= WEBHOOK_MAX_ATTEMPTS; i++) {
      expect((await deliverDueWebhooks(store, { now: new Date(now.getTime() - 1000), send })).attempted).toBe(0);
      expect((await deliverDueWebhooks(store, { now, send })).attempted).toBe(1);
      const [d] = await log(store, subscription.id);
      if (d?.status === 'pending') waits.push((d.nextAttemptAt.getTime() - now.getTime()) / 1000);
      now = d?.nextAttemptAt ?? now;
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    const [d] = await log(store, subscription.id);
    expect(d).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 503 });
    expect((await deliverDueWebhooks(store, { now: at(86_400), send })).attempted).toBe(0);
  });

  it('times out a receiver that does not answer, and tries again later', async () => {
    const store = await fresh(h());
    const rx = await receiver(['hang']);
    try {
      const { subscription } = await subscribe(store, rx.url);
      expect((await requestLimit(store, request, today)).ok).toBe(true);
      expect((await deliverDueWebhooks(store, { now: T0, timeoutMs: 200 })).retrying).toBe(1);
      const [d] = await log(store, subscription.id);
      expect(d).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(30) });
      expect(d?.lastError).toMatch(/TimeoutError/);
      expect(d).not.toHaveProperty('lastStatusCode');
    } finally {
      await rx.close();
    }
  });
});

describe.each(targets().filter((t) => t.name === 'postgres'))('webhook dispatchers at once on $name', (target) => {
  const h = useTarget(target);
  const others: Store[] = [];
  afterAll(async () => {
    for (const s of others) await s.close();
  });

  /** A second store on the harness's schema: another process. */
  async function other(x: Harness): Promise<Store> {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(x.engine.db);
    const schema = rows[0]?.s as string;
    const s = await openStore({ databaseUrl: process.env.DATABASE_URL as string, schema, recorder: { by: 'x' } });
    others.push(s);
    return s;
  }

  it('skips the deliveries another dispatcher holds instead of waiting for them', async () => {
    const store = await fresh(h());
    const second = await other(h());
    await subscribe(store, 'https://receiver.example/hooks');
    for (let i = 0; i < 4; i++) expect((await requestLimit(store, request, today)).ok).toBe(true);
    const claim = (tx: Parameters<Parameters<Store['transact']>[0]>[0], n: number) =>
      tx.claimWebhookDeliveries({ now: T0, leaseUntil: at(60), batch: n });
    // The first holds two rows locked in its open transaction while the second claims: without `skip locked` the
    // second would wait for the first, which waits for it (the test would hang).
    const [mine, theirs] = await store.transact(async (tx) => {
      const a = await claim(tx, 2);
      const b = await second.transact((tx2) => claim(tx2, 10));
      return [a.map((d) => d.id), b.map((d) => d.id)];
    });
    expect(mine).toHaveLength(2);
    expect(theirs).toHaveLength(2);
    expect(new Set([...mine, ...theirs]).size).toBe(4);
  });

  it('delivers each delivery once when dispatchers in two processes run at once', async () => {
    const store = await fresh(h());
    const second = await other(h());
    const rx = await receiver([200]);
    try {
      await subscribe(store, rx.url);
      await subscribe(store, rx.url);
      for (let i = 0; i < 20; i++) expect((await requestLimit(store, request, today)).ok).toBe(true);
      const drain = async (s: Store) => {
        let n = 0;
        for (;;) {
          const r = await deliverDueWebhooks(s, { now: T0, batch: 3 });
          if (r.attempted === 0) return n;
          n += r.attempted;
        }
      };
      const counts = await Promise.all([drain(store), drain(second), drain(store), drain(second)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
      const ids = rx.received.map((r) => String(r.headers['credence-delivery']));
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    } finally {
      await rx.close();
    }
  });
});
