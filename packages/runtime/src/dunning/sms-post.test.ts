import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Letter, OutboxEntry } from '@credence/app';
import { describe, expect, it } from 'vitest';
import { smsPost, smsText } from './sms-post';

const letter = {
  id: 'L-2026-03-08-B1-sms_reminder',
  date: '2026-03-08',
  language: 'zh-CN',
  levelId: 'sms_reminder',
  creditor: { name: '北方贸易' },
  debtor: { id: 'B1' },
  lines: [{ number: 'I-1' }],
  totals: [{ currency: 'EUR', total: '1000.00' }],
  deadline: '2026-03-09',
} as unknown as Letter;
const entry: OutboxEntry = { id: `${letter.id}-sms`, letterId: letter.id, kind: 'sms', status: 'pending', attempts: 0 };

describe('SMS delivery', () => {
  it('writes the text in the buyer language to the outbox without a gateway', async () => {
    const outbox = await mkdtemp(join(tmpdir(), 'sms-'));
    const r = await smsPost(entry, letter, { outbox, phone: '+86 138' });
    expect(r.status).toBe('written');
    const text = await readFile(r.detail, 'utf8');
    expect(text).toContain('To: +86 138');
    expect(text).toContain('请于 2026-03-09 前支付 1000.00 EUR');
    expect(smsText({ ...letter, language: 'en' })).toBe(
      '北方贸易: I-1 overdue, 1000.00 EUR to pay by 2026-03-09. Ref L-2026-03-08-B1-sms_reminder',
    );
  });
  it('posts to the gateway when one is configured; fails without a phone number', async () => {
    const got: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push(body);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const r = await smsPost(entry, letter, {
      outbox: '/nonexistent',
      phone: '+86 1',
      gateway: `http://127.0.0.1:${port}/sms`,
    });
    server.close();
    expect(r.status).toBe('sent');
    expect(JSON.parse(got[0] ?? '{}')).toMatchObject({ to: '+86 1', reference: entry.id });
    const none = await smsPost(entry, letter, { outbox: '/nonexistent' });
    expect(none).toMatchObject({ status: 'failed', channel: 'sms' });
  });
});
