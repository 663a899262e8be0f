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
});
