import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { answerLimitRequest, requestLimit, setLimit } from '../src/limits/record-limit';
import { addWebhook } from '../src/webhooks/add-webhook';
import { webhookRetrySeconds } from '../src/webhooks/backoff';
import { deliverDueWebhooks, type WebhookRequest } from '../src/webhooks/deliver-due-webhooks';
import { signWebhook, verifyWebhookSignature } from '../src/webhooks/signature';
import { webhookPoller } from '../src/webhooks/webhook-poller';
import { buyer, EUR, seedBuyers } from './fixtures';
import { MemoryStore } from './memory-store';

const today = date('2024-06-30');
const AT = new Date('2026-01-01T00:00:00Z'); // 1767225600

describe('webhook signatures', () => {
  it('is HMAC-SHA256 of "t.body" in hex (the value openssl gives)', () => {
    // echo -n '1767225600.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook('whsec_test', '{"id":"evt_1"}', AT)).toBe(
      't=1767225600,v1=45b40331de0325606dc5400202ade162460fbe48daf9401adfdcd0d7b4f35470',
    );
  });

  it('verifies the body and secret it signed, within the tolerance, and nothing else', () => {
    const h = signWebhook('s3cret', 'body', AT);
    expect(verifyWebhookSignature(h, 'body', 's3cret', AT)).toBe(true);
    expect(verifyWebhookSignature(h, 'body!', 's3cret', AT)).toBe(false);
    expect(verifyWebhookSignature(h, 'body', 'other', AT)).toBe(false);
    expect(verifyWebhookSignature(h, 'body', 's3cret', new Date(AT.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature('t=abc,v1=00', 'body', 's3cret', AT)).toBe(false);
    expect(verifyWebhookSignature(h.replace(/v1=../, 'v1='), 'body', 's3cret', AT)).toBe(false);
  });
});

describe('webhook backoff', () => {
  it('doubles from 30 s and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map(webhookRetrySeconds)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });
});

describe('limit events to webhooks', () => {
  it('names each limit change, and the dispatcher posts it to the subscribers of its type only', async () => {
    const store = new MemoryStore({ by: 'anna', now: () => AT });
    await seedBuyers(store, [buyer('B1')]);
    const sub = await addWebhook(store, { url: 'https://erp.example/hooks', events: ['limit.approved'] });
    if (!sub.ok) throw new Error('add');
    const ask = { buyerId: 'B1', amount: 100n, currency: EUR, validFrom: today, by: 'sam', reason: 'new' };
    const a = await requestLimit(store, ask, today);
    const b = await requestLimit(store, ask, today);
    if (!a.ok || !b.ok) throw new Error('request');
    const answer = { buyerId: 'B1', by: 'cm', reason: 'ok' };
    await answerLimitRequest(store, { ...answer, requestId: a.value.id, approve: true }, today);
    await answerLimitRequest(store, { ...answer, requestId: b.value.id, approve: false }, today);
    await setLimit(store, { ...ask, by: 'cm', expiresOn: date('2024-12-31') }, today);
    expect(store.webhookEvents().map((e) => e.type)).toEqual([
      'limit.requested',
      'limit.requested',
      'limit.approved',
      'limit.rejected',
      'limit.set',
    ]);
    const sent: WebhookRequest[] = [];
    const run = await deliverDueWebhooks(store, {
      now: AT,
      send: async (r) => {
        sent.push(r);
        return { status: 200 };
      },
    });
    expect(run).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    expect(sent[0]?.headers['Credence-Event']).toBe('limit.approved');
    // The worker loop's poller: nothing due any more.
    expect(webhookPoller.name).toBe('webhooks');
    expect(await webhookPoller.poll(store, AT)).toBe(0);
    expect(JSON.parse(sent[0]?.body ?? '')).toMatchObject({
      type: 'limit.approved',
      data: { amount: { amount: '1.00', currency: 'EUR' }, requestId: a.value.id, by: 'cm' },
    });
  });

  it('refuses an unknown event type, the ping, a URL that is not http(s) or carries credentials', async () => {
    const store = new MemoryStore();
    const code = async (url: string, events: string[]) => {
      const r = await addWebhook(store, { url, events });
      return r.ok ? 'ok' : String(r.error.params.reason ?? r.error.code);
    };
    expect(await code('https://x.example/', ['invoice.paid'])).toBe('unknown_event');
    expect(await code('https://x.example/', ['webhook.ping'])).toBe('unknown_event');
    expect(await code('https://x.example/', [])).toBe('missing_field');
    expect(await code('ftp://x.example/', ['limit.set'])).toBe('not_http');
    expect(await code('https://u:p@x.example/', ['limit.set'])).toBe('credentials_in_url');
    expect(await code('not a url', ['limit.set'])).toBe('invalid_url');
    expect(await code('https://x.example/', ['limit.set'])).toBe('ok');
  });
});
