import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWords, header, startSmtpServer, type TestSmtpServer } from '@credence/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `credence daily` e-mails the day's alert digests as its last step, through a real SMTP server: one per person and
// date, in the person's language; a digest the server refused is sent by the next run of the date, and only it.
const tmp = tempDir('daily-digests');
const db = join(tmp.dir, 'db');
const rules = join(tmp.dir, 'rules.json');
const company = new URL('../../runtime/config/company.example.json', import.meta.url).pathname;
const refuse: Record<string, number> = { 'ann@nordlicht.example': 451 };
let smtp: TestSmtpServer;
afterAll(async () => {
  await smtp.close();
  tmp.cleanup();
});

beforeAll(async () => {
  smtp = await startSmtpServer({ refuse });
  const buyers = join(tmp.dir, 'b.csv');
  writeFileSync(
    buyers,
    'buyer_id,name,country,currency,payment_terms_days,sales_owner\n' +
      'B1,Nordwind Handel GmbH,DE,EUR,30,sam\nB2,Ostsee Logistik AG,DE,EUR,30,ann\n',
  );
  expect((await credence(['import', 'buyers', buyers, '--db', db])).code).toBe(0);
  const invoices = join(tmp.dir, 'i.csv');
  writeFileSync(
    invoices,
    'document_number,buyer_id,type,issue_date,due_date,amount,currency\n' +
      'I-1,B1,invoice,2026-02-01,2026-03-01,900.00,EUR\nI-2,B2,invoice,2026-02-01,2026-03-01,700.00,EUR\n',
  );
  expect((await credence(['import', 'invoices', invoices, '--db', db])).code).toBe(0);
  writeFileSync(
    rules,
    JSON.stringify({
      id: 'digests',
      rules: { overdue_days: { notify: ['sales_owner'] } },
      recipients: {
        people: [
          { name: 'sam', email: 'sam@nordlicht.example', language: 'zh-CN' },
          { name: 'ann', email: 'ann@nordlicht.example', language: 'en' },
        ],
      },
    }),
  );
}, 120_000);

interface Summary {
  complete: boolean;
  steps: { step: string; status: string; figures?: { counts: Record<string, number> }; error?: string }[];
}

const daily = async () => {
  const env = { CREDENCE_TODAY: '2026-06-30', CREDENCE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
  const args = ['daily', '--as-of', '2026-06-30', '--company', company, '--rules', rules, '--format', 'json'];
  const r = await credence([...args, '--db', db], env);
  const s = JSON.parse(r.out) as Summary;
  return { code: r.code, summary: s, digests: s.steps.find((x) => x.step === 'digests') };
};
const digestsTo = (address: string) => smtp.received.filter((m) => header(m, 'to') === address);

describe('credence daily: the alert digests step', { timeout: 240_000 }, () => {
  it('sends one digest per person and date in their language, resumes what failed, and never sends twice', async () => {
    const first = await daily();
    // The server refused ann's digest: the step fails (the cycle is not complete), sam's is sent, in Chinese.
    expect([first.code, first.summary.complete, first.digests?.status]).toEqual([3, false, 'failed']);
    expect(first.digests?.error).toContain('ann');
    expect(digestsTo('sam@nordlicht.example')).toHaveLength(1);
    expect(decodeWords(header(digestsTo('sam@nordlicht.example')[0] ?? '', 'subject') ?? '')).toMatch(
      /^信用预警 2026-06-30：\d+ 条未处理$/,
    );

    delete refuse['ann@nordlicht.example'];
    const second = await daily();
    expect([second.code, second.summary.complete, second.digests?.status]).toEqual([0, true, 'ran']);
    expect(second.digests?.figures?.counts).toMatchObject({ sent: 1, sentBefore: 1 });
    expect(second.summary.steps.filter((x) => x.status === 'ran').map((x) => x.step)).toEqual(['digests']);
    expect(digestsTo('sam@nordlicht.example')).toHaveLength(1);
    expect(digestsTo('ann@nordlicht.example')).toHaveLength(1);
    expect(decodeWords(header(digestsTo('ann@nordlicht.example')[0] ?? '', 'subject') ?? '')).toMatch(
      /^Credit alerts 2026-06-30: \d+ open$/,
    );

    const third = await daily();
    expect(third.summary.steps.every((x) => x.status === 'done_before')).toBe(true);
    expect(smtp.received).toHaveLength(2);
  });
});
