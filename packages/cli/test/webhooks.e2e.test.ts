import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { verifyWebhookSignature } from '@credence/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `credence webhook …` end to end on an embedded database, delivering to a real receiver: a referred order from
// `credence credit check`, sent by `webhook deliver`, in the log of `webhook deliveries`.
const tmp = tempDir('webhooks');
const db = join(tmp.dir, 'db');
const at = (args: string[]) => [...args, '--db', db];
const received: { signature: string; event: string; body: string }[] = [];
const rx = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => {
    body += c.toString('utf8');
  });
  req.on('end', () => {
    const h = req.headers;
    received.push({ signature: String(h['credence-signature']), event: String(h['credence-event']), body });
    res.writeHead(202).end();
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => rx.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(rx.address() as AddressInfo).port}/hooks`;
  writeFileSync(join(tmp.dir, 'buyers.csv'), 'buyer_id,name,country,currency,payment_terms_days\nB1,Acme,DE,EUR,30\n');
  expect((await credence(at(['import', 'buyers', join(tmp.dir, 'buyers.csv')]))).code).toBe(0);
});
afterAll(() => {
  rx.closeAllConnections();
  rx.close();
  tmp.cleanup();
});

describe('credence webhook', () => {
  it('adds, delivers a referred order signed, logs it, and removes', async () => {
    const add = await credence(
      at(['webhook', 'add', url, '--events', 'credit_check.refer,limit.set', '--format', 'json']),
    );
    expect(add.code).toBe(0);
    const sub = JSON.parse(add.out) as { id: string; secret: string; events: string[]; active: boolean };
    expect(sub).toMatchObject({ events: ['credit_check.refer', 'limit.set'], active: true });
    const list = await credence(at(['webhook', 'list']));
    expect(list.out).toContain(sub.id);
    expect(list.out).not.toContain(sub.secret);

    const check = await credence(at(['credit', 'check', '--buyer', 'B1', '--amount', '100', '--currency', 'EUR']));
    expect(check.code).toBe(0);
    const deliver = await credence(at(['webhook', 'deliver', '--format', 'json']));
    expect(JSON.parse(deliver.out)).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });
    expect(received.map((r) => r.event)).toEqual(['credit_check.refer']);
    const [r] = received;
    expect(verifyWebhookSignature(r?.signature ?? '', r?.body ?? '', sub.secret, new Date())).toBe(true);

    const log = await credence(at(['webhook', 'deliveries', sub.id, '--format', 'json']));
    expect(JSON.parse(log.out)).toMatchObject([
      { eventType: 'credit_check.refer', status: 'delivered', attempts: 1, lastStatusCode: 202 },
    ]);
    expect((await credence(at(['webhook', 'deliveries', sub.id]))).out).toContain('delivered');

    expect((await credence(at(['webhook', 'remove', sub.id]))).out).toContain(`Webhook ${sub.id} removed.`);
    expect((await credence(at(['webhook', 'remove', sub.id]))).code).toBe(3);
    expect((await credence(at(['webhook', 'list']))).out).toContain('No webhooks.');
    expect((await credence(at(['webhook', 'list', '--all']))).out).toContain(sub.id);
  });

  it('refuses an unknown event type and a URL that is not http', async () => {
    const bad = await credence(at(['webhook', 'add', url, '--events', 'invoice.paid']));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('invoice.paid');
    expect((await credence(at(['webhook', 'add', 'ftp://x.example/', '--events', 'limit.set']))).code).toBe(2);
    expect((await credence(at(['webhook', 'deliveries', 'wh_nope']))).code).toBe(4);
  });
});
