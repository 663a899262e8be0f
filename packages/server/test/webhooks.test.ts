import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverDueWebhooks, verifyWebhookSignature } from '@credence/app';
import { type CurrencyCode, date } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, openTestServer, type TestServer } from './fixture';

// Webhooks through the API, to a real receiver: an admin subscribes, pings, an order referred over HTTP is
// delivered signed, the log shows both, and a removed subscription gets nothing more.
describe('webhooks over HTTP', () => {
  let s: TestServer;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const rx = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end();
    });
  });
  let url = '';
  beforeAll(async () => {
    s = await openTestServer(false);
    const buyer = { id: 'B1', name: 'Acme', country: 'DE', currency: 'EUR' as CurrencyCode, paymentTermsDays: 30 };
    await s.store.transact((tx) => tx.upsertBuyers([buyer]));
    await new Promise<void>((resolve) => rx.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(rx.address() as AddressInfo).port}/hooks`;
  }, 60_000);
  afterAll(async () => {
    rx.closeAllConnections();
    rx.close();
    await s?.close();
  });

  it('subscribes, pings, delivers a referred order signed, logs both, and stops on removal', async () => {
    const added = await s.call('admin', 'POST', '/api/v1/webhooks', {
      url,
      events: ['credit_check.hold', 'credit_check.refer'],
    });
    expect(added.status).toBe(201);
    const { webhook, secret } = (await added.json()) as { webhook: { id: string; createdBy: string }; secret: string };
    expect(webhook.createdBy).toBe('user-admin');
    expect(secret).toMatch(/^whsec_/);
    const listed = (await (await s.call('admin', 'GET', '/api/v1/webhooks')).json()) as { webhooks: unknown[] };
    expect(JSON.stringify(listed)).not.toContain(secret);

    const ping = await s.call('admin', 'POST', `/api/v1/webhooks/${webhook.id}/test`);
    expect(ping.status).toBe(200);
    expect(((await ping.json()) as { delivery: unknown }).delivery).toMatchObject({
      event: 'webhook.ping',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
    });

    const check = await s.call('erp', 'POST', '/api/v1/credit-checks', {
      buyerId: 'B1',
      amount: '1200.00',
      currency: 'EUR',
      orderId: 'SO-4711',
      asOf: date('2026-06-30'),
    });
    expect(((await check.json()) as { decision: string }).decision).toBe('refer');
    expect((await deliverDueWebhooks(s.store, { now: fixedClock.now() })).delivered).toBe(1);

    expect(received.map((r) => r.headers['credence-event'])).toEqual(['webhook.ping', 'credit_check.refer']);
    for (const r of received)
      expect(verifyWebhookSignature(String(r.headers['credence-signature']), r.body, secret, fixedClock.now())).toBe(
        true,
      );
    expect(JSON.parse(received[1]?.body ?? '')).toMatchObject({
      type: 'credit_check.refer',
      data: { buyerId: 'B1', orderId: 'SO-4711', order: { amount: '1200.00', currency: 'EUR' } },
    });

    const log = (await (await s.call('admin', 'GET', `/api/v1/webhooks/${webhook.id}/deliveries`)).json()) as {
      deliveries: { event: string; status: string; id: string }[];
    };
    expect(log.deliveries.map((d) => `${d.event}:${d.status}`).sort()).toEqual([
      'credit_check.refer:delivered',
      'webhook.ping:delivered',
    ]);
    expect(log.deliveries.map((d) => d.id).sort()).toEqual(received.map((r) => r.headers['credence-delivery']).sort());

    expect((await s.call('admin', 'DELETE', `/api/v1/webhooks/${webhook.id}`)).status).toBe(200);
    await s.call('erp', 'POST', '/api/v1/credit-checks', { buyerId: 'B1', amount: '5.00', currency: 'EUR' });
    expect((await deliverDueWebhooks(s.store, { now: fixedClock.now() })).attempted).toBe(0);
    expect(received).toHaveLength(2);
    const all = (await (await s.call('admin', 'GET', '/api/v1/webhooks?all=true')).json()) as {
      webhooks: { active: boolean }[];
    };
    expect(all.webhooks.map((w) => w.active)).toEqual([false]);
  });
});
