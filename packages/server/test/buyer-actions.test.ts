import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacts, fixedClock, openTestServer, type TestServer } from './fixture';

interface Entry {
  date: string;
  kind: string;
  ref?: string;
  summary: string;
  params: Record<string, string | number>;
}

// The web workspace's buyer actions over HTTP (issue 13, item 3): the timeline's entries carry their kind and
// parameters (so a page renders them in its language), and a buyer's next letter is sent out of the day's run.
describe("the buyer page's actions over HTTP", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  const timeline = async (buyer: string) =>
    ((await (await s.call('sales', 'GET', `/api/v1/buyers/${buyer}/timeline`)).json()) as { entries: Entry[] }).entries;

  it("sends a buyer's next letter once, out of the day's run, and the timeline shows it with its parameters", async () => {
    const f = await demoFacts(s);
    expect((await s.call('sales', 'POST', `/api/v1/buyers/${f.buyer}/letter`)).status).toBe(403);
    const preview = await s.call('collector', 'GET', `/api/v1/buyers/${f.buyer}/letter?format=html`);
    expect(preview.status).toBe(200);
    const sent = await s.call('collector', 'POST', `/api/v1/buyers/${f.buyer}/letter`);
    expect(sent.status).toBe(201);
    const letter = (await sent.json()) as { letterId: string; buyerId: string; date: string; documents: string[] };
    expect(letter).toMatchObject({ buyerId: f.buyer, date: fixedClock.today() });
    expect(letter.documents).toContain(f.invoice);
    // Recorded for this buyer only, with its outbox; not a run of the day (a first run stays unconfirmed).
    const recorded = await s.store.lettersOn(fixedClock.today());
    expect(recorded.map((r) => r.letter.id)).toEqual([letter.letterId]);
    expect(await s.store.lastConfirmedRun()).toBeUndefined();
    const again = await s.call('collector', 'POST', `/api/v1/buyers/${f.buyer}/letter`);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'document_conflict', params: { reason: 'already_sent' } });
    const entry = (await timeline(f.buyer)).find((e) => e.ref === letter.letterId);
    expect(entry).toMatchObject({ kind: 'letter', date: fixedClock.today() });
    expect(entry?.params).toMatchObject({ deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(String(entry?.params.documents)).toContain(f.invoice);
    // The day's run afterwards sends the others, and this buyer nothing more.
    const run = (await (await s.call('collector', 'POST', '/api/v1/dunning-runs', { confirm: true })).json()) as {
      actions: { buyerId: string }[];
    };
    expect(run.actions.map((a) => a.buyerId)).not.toContain(f.buyer);
    expect(run.actions.length).toBeGreaterThan(0);
  });

  it('nothing due: 404; an unknown buyer: 404', async () => {
    const nothing = await s.call('collector', 'POST', '/api/v1/buyers/UP-B2/letter');
    expect(nothing.status).toBe(404);
    expect((await s.call('collector', 'POST', '/api/v1/buyers/NOPE/letter')).status).toBe(404);
  });

  it('gives each timeline entry its parameters: a promise, a note, a dispute, a pause', async () => {
    const f = await demoFacts(s);
    const b = `/api/v1/buyers/${f.buyer}`;
    const writes = [
      await s.call('collector', 'POST', `${b}/promises`, { amount: '1234.50', date: '2026-07-10' }),
      await s.call('collector', 'POST', `${b}/notes`, {
        kind: 'call',
        text: 'will pay Friday',
        documents: [f.invoice],
      }),
      await s.call('collector', 'POST', '/api/v1/disputes', { documents: [f.invoice], reason: 'price', notes: 'list' }),
      await s.call('collector', 'POST', `${b}/pause`, { until: '2026-07-15', reason: 'talks' }),
    ];
    expect(writes.map((w) => w.status)).toEqual([201, 201, 201, 201]);
    const today = (await timeline(f.buyer)).filter((e) => e.date === fixedClock.today());
    const of = (kind: string) => today.find((e) => e.kind === kind)?.params;
    expect(of('promise_made')).toMatchObject({ amount: '1234.50', currency: f.currency, promisedDate: '2026-07-10' });
    expect(of('call')).toEqual({ text: 'will pay Friday', documents: f.invoice });
    expect(of('dispute_opened')).toEqual({
      documents: f.invoice,
      reason: 'price',
      owner: 'user-collector',
      notes: 'list',
    });
    expect(of('paused')).toEqual({ until: '2026-07-15', reason: 'talks' });
    // The English sentence stays, for the CLI and older clients.
    expect(today.find((e) => e.kind === 'paused')?.summary).toBe('dunning paused until 2026-07-15: talks');
    for (const e of await timeline(f.buyer)) expect(typeof e.params, `${e.kind} ${e.summary}`).toBe('object');
  });
});
