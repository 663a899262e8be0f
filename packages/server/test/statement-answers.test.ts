import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacts, fixedClock, openTestServer, type TestServer } from './fixture';

// Issue 18, item 4: the buyer's answer to its account statement over HTTP — the closing balance confirmed, a line
// disputed with its words — once each, on the buyer's audit trail as the caller, and read back.
describe('account statement answers over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  it('records a confirmation and a disputed line once each, audited, and lists them', async () => {
    const f = await demoFacts(s);
    const b = `/api/v1/buyers/${f.buyer}/statement`;
    const asOf = '2026-05-31';
    expect((await s.call('sales', 'POST', `${b}/confirmation`, { asOf })).status).toBe(403);
    const confirmed = await s.call('collector', 'POST', `${b}/confirmation`, { asOf });
    expect(confirmed.status).toBe(201);
    expect(await confirmed.json()).toMatchObject({
      record: { buyerId: f.buyer, asOf, kind: 'confirmed', by: expect.any(String), recordedOn: fixedClock.today() },
      created: true,
    });
    const again = await s.call('collector', 'POST', `${b}/confirmation`, { asOf });
    expect(await again.json()).toMatchObject({ created: false });
    const line = { asOf, document: f.invoice, note: 'goods returned' };
    const disputed = await s.call('credit_manager', 'POST', `${b}/disputes`, line);
    expect(disputed.status).toBe(201);
    expect(await disputed.json()).toMatchObject({
      record: { kind: 'disputed', document: f.invoice, note: 'goods returned' },
    });
    // Mistakes: a date after today, an empty note, an unknown document or buyer.
    expect((await s.call('collector', 'POST', `${b}/confirmation`, { asOf: '2099-01-31' })).status).toBe(422);
    expect((await s.call('collector', 'POST', `${b}/disputes`, { ...line, note: '' })).status).toBe(400);
    expect((await s.call('collector', 'POST', `${b}/disputes`, { ...line, document: 'NOPE' })).status).toBe(404);
    expect((await s.call('collector', 'POST', '/api/v1/buyers/NOPE/statement/confirmation', { asOf })).status).toBe(
      404,
    );
    const listed = await s.call('collector', 'GET', `${b}/records?asOf=${asOf}`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { records: { kind: string }[] }).records.map((r) => r.kind)).toEqual([
      'confirmed',
      'disputed',
    ]);
    const trail = await s.call('credit_manager', 'GET', `/api/v1/audit?entity=buyer:${f.buyer}`);
    const actions = ((await trail.json()) as { entries: { action: string; channel: string }[] }).entries
      .filter((e) => e.action.startsWith('statement_'))
      .map((e) => [e.action, e.channel]);
    expect(actions.sort()).toEqual([
      ['statement_confirmed', 'api'],
      ['statement_disputed', 'api'],
    ]);
  });
});
