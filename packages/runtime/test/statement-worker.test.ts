import { enqueueStatementSend, jobStatus, type Store } from '@credence/app';
import { type CurrencyCode, date, type LedgerDocument } from '@credence/core';
import { openStore } from '@credence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_EXAMPLE, readCompany, readRates, runWorker } from '../src';
import {
  decodeWords,
  header,
  leafParts,
  splitPart,
  startSmtpServer,
  type TestSmtpServer,
} from '../src/delivery/testing';

// Issue 18: the statement sendings the service queues (`POST /buyers/{id}/statement/send`) are e-mailed by the
// worker through its courier — here a real SMTP server — once per buyer and month however often they are queued;
// a refused recipient leaves the job to be tried again, with the server's reason at the jobs route.
const EUR = 'EUR' as CurrencyCode;
const invoice = (number: string, buyerId: string): LedgerDocument & { idempotencyKey: string; contentHash: string } =>
  ({
    number,
    buyerId,
    type: 'invoice',
    issueDate: date('2026-05-10'),
    dueDate: date('2026-06-09'),
    amount: 250_000n,
    currency: EUR,
    idempotencyKey: `doc:${number}`,
    contentHash: `hash:${number}`,
  }) as LedgerDocument & { idempotencyKey: string; contentHash: string };

describe('the worker sends queued statements through SMTP', () => {
  let store: Store;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer({ refuse: { 'ap@refused.example': 550 } });
    store = await openStore({});
    await store.transact(async (tx) => {
      await tx.upsertBuyers([
        { id: 'B1', name: 'Big', country: 'DE', currency: EUR, paymentTermsDays: 30, email: 'ap@big.example' },
        { id: 'B2', name: 'Refused', country: 'DE', currency: EUR, paymentTermsDays: 30, email: 'ap@refused.example' },
      ]);
      await tx.insertDocuments([invoice('INV-1', 'B1'), invoice('INV-2', 'B2')]);
    });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await smtp?.close();
  });

  it('sends once per buyer and month, and records a refusal on the job', { timeout: 120_000 }, async () => {
    const now = new Date('2026-06-30T10:00:00Z');
    const clock = { now: () => now, today: () => date('2026-06-30') };
    const [company, rates] = await Promise.all([readCompany(COMPANY_EXAMPLE, {}), readRates()]);
    const queue = async (buyerId: string) => {
      const r = await enqueueStatementSend(store, { buyerId, asOf: date('2026-06-30') }, now, clock.today());
      if (!r.ok) throw new Error(r.error.code);
      return r.value.job.id;
    };
    const work = async (ids: string[]) => {
      const stop = new AbortController();
      const working = runWorker(store, {
        env: { CREDENCE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
        clock,
        company,
        rates,
        pollers: [],
        intervalMs: 20,
        signal: stop.signal,
        log: () => {},
      });
      const settled = async () => {
        for (const id of ids) {
          const j = await jobStatus(store, id, now);
          if (!j.ok || j.value.attempts === 0 || j.value.state === 'running') return false;
        }
        return true;
      };
      const deadline = Date.now() + 60_000;
      while (!(await settled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      stop.abort();
      await working;
    };
    const first = await queue('B1');
    const refused = await queue('B2');
    await work([first, refused]);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0] ?? '';
    const head = splitPart(mail).headers;
    expect(header(head, 'to')).toBe('ap@big.example');
    expect(decodeWords(header(head, 'subject') ?? '')).toMatch(/31 May 2026/);
    expect(leafParts(mail).some((p) => /application\/pdf/.test(header(p.headers, 'content-type') ?? ''))).toBe(true);
    const done = await jobStatus(store, first, now);
    expect(done.ok && done.value.state).toBe('done');
    const r = await jobStatus(store, refused, now);
    expect(r.ok && [r.value.state, r.value.attempts]).toEqual(['queued', 1]);
    expect(r.ok && r.value.lastError).toMatch(/550/);
    expect((await store.statementRecords('B1', date('2026-05-31'), date('2026-05-31'))).map((x) => x.kind)).toEqual([
      'sent',
    ]);
    expect(await store.statementRecords('B2', date('2026-05-31'), date('2026-05-31'))).toEqual([]);

    // Queued again for the same month: the job runs, and nothing is sent twice.
    const again = await queue('B1');
    await work([again]);
    const twice = await jobStatus(store, again, now);
    expect(twice.ok && twice.value.state).toBe('done');
    expect(smtp.received).toHaveLength(1);
  });
});
