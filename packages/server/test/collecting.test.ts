import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { demoFacts, fixedClock, openTestServer, type TestServer } from './fixture';

describe('dunning, letters and the worklist over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  it('without company settings, the routes that write letters say what is missing', async () => {
    const bare = createServer({ store: s.store, clock: fixedClock, policies: s.policies });
    for (const [method, path] of [
      ['GET', '/api/v1/worklist'],
      ['POST', '/api/v1/dunning-runs'],
    ] as const) {
      const r = await bare.request(path, {
        method,
        headers: { authorization: `Bearer ${s.tokens.collector}`, 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(r.status, path).toBe(422);
      expect(await r.json()).toMatchObject({ type: 'https://credence.dev/problems/missing-data' });
    }
  });

  it('a live run records the letters once; the letter then previewed is the recorded one', async () => {
    const f = await demoFacts(s);
    const dry = (await (
      await s.call('collector', 'POST', '/api/v1/dunning-runs', { dryRun: true, confirm: true })
    ).json()) as { actions: { buyerId: string; letterId: string }[] };
    expect(dry.actions.length).toBeGreaterThan(0);
    expect(await s.store.lettersOn(fixedClock.today())).toEqual([]);
    const live = await s.call('credit_manager', 'POST', '/api/v1/dunning-runs', { confirm: true });
    expect(live.status).toBe(201);
    const run = (await live.json()) as { actions: { buyerId: string; letterId: string }[] };
    expect(run.actions.map((a) => a.buyerId)).toEqual(dry.actions.map((a) => a.buyerId));
    const recorded = await s.store.lettersOn(fixedClock.today());
    expect(recorded.map((r) => r.letter.id).sort()).toEqual(run.actions.map((a) => a.letterId).sort());
    const again = (await (
      await s.call('credit_manager', 'POST', '/api/v1/dunning-runs', { confirm: true })
    ).json()) as {
      actions: unknown[];
    };
    expect(again.actions).toEqual([]);
    const mine = recorded.find((r) => r.letter.debtor.id === f.buyer);
    expect(mine).toBeDefined();
    const html = await s.call('collector', 'GET', `/api/v1/buyers/${f.buyer}/letter?format=html`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain(f.invoice);
  });

  it('GET /worklist writes nothing; POST /worklist/refresh keeps the same list', async () => {
    const f = await demoFacts(s);
    const kept = () => s.store.worklistTasks({ states: ['open', 'snoozed', 'done'] });
    // A promise due on the day: a task the day derives (not a letter the run has still to record).
    const promised = await s.call('collector', 'POST', `/api/v1/buyers/${f.buyer}/promises`, {
      amount: '500.00',
      date: '2026-07-03',
      documents: [f.invoice],
    });
    expect(promised.status).toBe(201);
    const before = await kept();
    const path = '/api/v1/worklist?asOf=2026-07-03&currency=EUR';
    const got = await s.call('collector', 'GET', path);
    expect(got.status).toBe(200);
    const view = (await got.json()) as { tasks: { key: string }[] };
    expect(view.tasks.map((t) => t.key)).toContainEqual(expect.stringMatching(/^check_promise:/));
    expect(await kept()).toEqual(before); // a GET is safe: nothing kept, nothing changed
    const refreshed = await s.call('collector', 'POST', '/api/v1/worklist/refresh?asOf=2026-07-03&currency=EUR');
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as { tasks: { key: string }[] }).tasks.map((t) => t.key)).toEqual(
      view.tasks.map((t) => t.key),
    );
    const now = await kept();
    expect(now.length).toBeGreaterThan(before.length);
    // Refreshing the same day again changes nothing.
    await s.call('collector', 'POST', '/api/v1/worklist/refresh?asOf=2026-07-03&currency=EUR');
    expect(await kept()).toEqual(now);
  });
});
