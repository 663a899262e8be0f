/** docs/domain/monitoring.md, "Notify": one digest per person and date, in their language, through a real SMTP server. */
import { readFileSync } from 'node:fs';
import { parseCompany } from '@credence/app';
import { runAlerts } from '@credence/app/monitoring';
import { type CurrencyCode, date } from '@credence/core';
import { parseAlertPolicy } from '@credence/core/monitoring';
import { deliverAlertDigests, smtpCourier } from '@credence/runtime';
import {
  bodyBytes,
  decodeWords,
  header,
  leafParts,
  splitPart,
  startSmtpServer,
  type TestSmtpServer,
} from '@credence/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets, useTarget } from '../../packages/db/test/harness';
import { AS_OF, seedScenario } from './monitoring-scenario';

const EUR = 'EUR' as CurrencyCode;
const markdown = readFileSync(new URL('./monitoring.md', import.meta.url), 'utf8');
const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '{}'));
const parsed = parseAlertPolicy({ ...blocks[0], recipients: blocks[1] });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy = parsed.value;
const company = parseCompany(
  JSON.parse(readFileSync(new URL('../../packages/runtime/config/company.example.json', import.meta.url), 'utf8')),
);
if (!company.ok) throw new Error(JSON.stringify(company.error));

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const mailsTo = (address: string, from: number) =>
  smtp.received.slice(from).filter((raw) => header(splitPart(raw).headers, 'To') === address);
const textOf = (raw: string) => bodyBytes(leafParts(raw)[0] as never).toString('utf8');

for (const target of targets()) {
  describe(`alert digests on ${target.name}`, () => {
    const h = useTarget(target);

    it('e-mails each person one digest of their buyers’ alerts in their language, once per date', async () => {
      const { store, reset } = h();
      await reset();
      await seedScenario(store);
      // PB's collector is Cole, who has no address: named, not e-mailed.
      const pb = await store.getBuyer('PB');
      await store.transact((tx) => tx.upsertBuyers([{ ...(pb as NonNullable<typeof pb>), collector: 'cole' }]));
      const run = await runAlerts(store, { asOf: AS_OF, policy, baseCurrency: EUR });
      expect(run.ok).toBe(true);
      const before = smtp.received.length;
      const courier = smtpCourier({ host: '127.0.0.1', port: smtp.port, secure: false });
      const first = await deliverAlertDigests(store, { courier, company: company.value, policy }, AS_OF);
      expect(first.sent).toEqual(['cora', 'sam']);
      expect(first.unreachable).toEqual(['cole']);
      expect(smtp.received.length - before).toBe(2);

      // Sam, every buyer's sales owner, reads simplified Chinese: OL over its limit (the sales owner is told), not
      // HR's high-risk tier (the credit manager's alone).
      const [sam] = mailsTo('sam@acme.example', before);
      expect(decodeWords(header(splitPart(sam ?? '').headers, 'Subject') ?? '')).toMatch(
        /^信用预警 2026-06-30：\d+ 条未处理$/,
      );
      expect(textOf(sam ?? '')).toContain('超出信用额度');
      expect(textOf(sam ?? '')).not.toContain('高风险等级');
      // Cora, the credit manager, reads traditional Chinese: HR's tier and GW's grade drop, not PB's broken promise
      // (the collector's and the sales owner's).
      const [cora] = mailsTo('cora@acme.example', before);
      expect(decodeWords(header(splitPart(cora ?? '').headers, 'Subject') ?? '')).toMatch(/^信用預警 2026-06-30/);
      expect(textOf(cora ?? '')).toContain('高風險等級');
      expect(textOf(cora ?? '')).toContain('評級下調');
      expect(textOf(cora ?? '')).not.toContain('付款承諾未兌現');
      expect(textOf(sam ?? '')).toContain('付款承诺未兑现');

      const again = await deliverAlertDigests(store, { courier, company: company.value, policy }, AS_OF);
      await courier.close();
      expect(again.sent).toEqual([]);
      expect(again.alreadySent).toEqual(['cora', 'sam']);
      expect(smtp.received.length - before).toBe(2);
      const records = await store.alertDigests(AS_OF);
      expect(records.map((r) => [r.recipient, r.language, r.status])).toEqual([
        ['cora', 'zh-TW', 'sent'],
        ['sam', 'zh-CN', 'sent'],
      ]);
    });

    it('records a refused digest as failed and sends it on the rerun', async () => {
      const { store } = h();
      const refusing = await startSmtpServer({ refuse: { 'sam@acme.example': 550 } });
      const next = date('2026-07-01');
      await runAlerts(store, { asOf: next, policy, baseCurrency: EUR });
      const c1 = smtpCourier({ host: '127.0.0.1', port: refusing.port, secure: false });
      const r1 = await deliverAlertDigests(store, { courier: c1, company: company.value, policy }, next);
      await c1.close();
      await refusing.close();
      expect(r1.sent).toEqual(['cora']);
      expect(r1.failed.map((f) => f.recipient)).toEqual(['sam']);
      const before = smtp.received.length;
      const c2 = smtpCourier({ host: '127.0.0.1', port: smtp.port, secure: false });
      const r2 = await deliverAlertDigests(store, { courier: c2, company: company.value, policy }, next);
      await c2.close();
      expect([r2.sent, r2.alreadySent]).toEqual([['sam'], ['cora']]);
      expect(mailsTo('sam@acme.example', before)).toHaveLength(1);
    });
  });
}
