import { type JobHandler, runNextJob } from '@credence/app';
import { COMPANY_EXAMPLE, type Courier, type OutgoingEmail, readCompany, statementHandlers } from '@credence/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, openTestServer, type TestServer } from './fixture';

// Issue 18, item 4: a statement's sending over HTTP — the service queues a `statement.send` job (202 with the job),
// the worker e-mails it through its courier, once per buyer and month however often it is asked, recorded and
// audited as the caller, its outcome read at the jobs route.
describe('sending account statements over HTTP', () => {
  let s: TestServer;
  const mails: OutgoingEmail[] = [];
  let handlers: Record<string, JobHandler>;
  beforeAll(async () => {
    s = await openTestServer();
    const courier: Courier = {
      kind: 'outbox',
      deliver: async (m) => {
        mails.push(m);
        return { status: 'written', channel: 'outbox', detail: `${m.to}.eml` };
      },
      close: async () => {},
    };
    handlers = statementHandlers({ courier, company: await readCompany(COMPANY_EXAMPLE, {}), clock: fixedClock });
  }, 120_000);
  afterAll(() => s?.close());

  const work = async () => {
    let runs = 0;
    while (await runNextJob(s.store, { handlers, worker: 'test', clock: fixedClock })) runs++;
    return runs;
  };
  type JobJson = { id: string; kind: string; state: string; payload: Record<string, string>; createdBy: string };

  it('queues one job per buyer and month, sends once, and shows the outcome', async () => {
    const buyer = (await s.store.listBuyers()).find((b) => b.email !== undefined && b.email !== '');
    expect(buyer).toBeDefined();
    const f = { buyer: buyer?.id ?? '' };
    const path = `/api/v1/buyers/${f.buyer}/statement/send`;
    for (const role of ['sales', 'erp', 'admin'] as const)
      expect((await s.call(role, 'POST', path, {})).status).toBe(403);
    const first = await s.call('collector', 'POST', path, {});
    expect(first.status).toBe(202);
    const job = (await first.json()) as JobJson;
    expect(job).toMatchObject({
      kind: 'statement.send',
      state: 'queued',
      payload: { buyerId: f.buyer, asOf: '2026-06-30', period: '2026-05-31' },
    });
    expect(first.headers.get('location')).toBe(`/api/v1/jobs/${job.id}`);
    // Asked again while queued: the same job.
    const again = await s.call('credit_manager', 'POST', path, { asOf: '2026-06-15' });
    expect(((await again.json()) as JobJson).id).toBe(job.id);

    expect(await work()).toBe(1);
    expect(mails.map((m) => [m.to, m.attachments[0]?.filename])).toEqual([
      [buyer?.email, `statement-${f.buyer}-2026-05-31.pdf`],
    ]);
    const done = await s.call('collector', 'GET', `/api/v1/jobs/${job.id}`);
    expect(await done.json()).toMatchObject({ id: job.id, state: 'done' });
    const records = await s.call('collector', 'GET', `/api/v1/buyers/${f.buyer}/statement/records?asOf=2026-05-31`);
    const sent = ((await records.json()) as { records: { kind: string; by: string }[] }).records;
    expect(sent.map((r) => r.kind)).toEqual(['sent']);
    expect(sent[0]?.by).toBe(job.createdBy);
    const trail = await s.call('credit_manager', 'GET', `/api/v1/audit?entity=buyer:${f.buyer}`);
    const actions = ((await trail.json()) as { entries: { action: string; channel: string; actor: string }[] }).entries
      .filter((e) => e.action === 'statement_sent')
      .map((e) => [e.channel, e.actor]);
    expect(actions).toEqual([['api', job.createdBy]]);

    // Asked once more for the same month after the job has run: queued again, and nothing sent twice.
    const later = await s.call('collector', 'POST', path, { asOf: '2026-06-20' });
    expect(later.status).toBe(202);
    const second = (await later.json()) as JobJson;
    expect(second.state).toBe('queued');
    expect(await work()).toBe(1);
    expect(mails).toHaveLength(1);
    expect(await (await s.call('collector', 'GET', `/api/v1/jobs/${second.id}`)).json()).toMatchObject({
      state: 'done',
    });
  });

  it('sends the key accounts of the month, each once, and rejects what cannot be sent', async () => {
    const before = mails.length;
    expect((await s.call('sales', 'POST', '/api/v1/statements/send', {})).status).toBe(403);
    const r = await s.call('credit_manager', 'POST', '/api/v1/statements/send', { asOf: '2026-06-01' });
    expect(r.status).toBe(202);
    const job = (await r.json()) as JobJson;
    expect(job.payload).toEqual({ asOf: '2026-06-01', period: '2026-05-31' });
    expect(await work()).toBe(1);
    const sentNow = mails.slice(before);
    expect(sentNow.length).toBeGreaterThan(0);
    expect(new Set(sentNow.map((m) => m.to)).size).toBe(sentNow.length);
    await s.call('credit_manager', 'POST', '/api/v1/statements/send', {});
    await work();
    expect(mails.length).toBe(before + sentNow.length);

    expect((await s.call('collector', 'POST', '/api/v1/statements/send', { asOf: '2099-01-01' })).status).toBe(422);
    expect((await s.call('collector', 'POST', '/api/v1/buyers/NOPE/statement/send', {})).status).toBe(404);
    const noMail = (await s.store.listBuyers()).find((b) => b.email === undefined || b.email === '');
    expect(noMail).toBeDefined();
    const rejected = await s.call('collector', 'POST', `/api/v1/buyers/${noMail?.id}/statement/send`, {});
    expect(rejected.status).toBe(422);
  });
});
