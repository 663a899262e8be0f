import { setPolicy } from '@credence/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { demoFacts, fixedClock, openTestServer, type TestServer } from './fixture';

// A policy stored elsewhere (the CLI, another server process on the same database) is in force in a server
// within `policyCacheMs` (issue 12: several server processes on one database).
describe('the policies a server has read', () => {
  let s: TestServer;
  let buyer: string;
  let currency: string;
  beforeAll(async () => {
    s = await openTestServer();
    ({ buyer, currency } = await demoFacts(s));
  });
  afterAll(() => s.close());

  /** The decision and reasons of an order credit check of the demo buyer, as the ERP asks it. */
  const reasons = async (app: TestServer['app']) => {
    const res = await app.request('/api/v1/credit-checks', {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.erp}`, 'content-type': 'application/json' },
      body: JSON.stringify({ buyerId: buyer, amount: '10.00', currency }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { decision: string; reasons: { code: string; params: object }[] };
    return { decision: body.decision, reasons: body.reasons.map((r) => ({ code: r.code, params: r.params })) };
  };

  it('uses a version stored elsewhere after policyCacheMs, not before', async () => {
    const deps = { store: s.store, clock: fixedClock, policies: s.policies };
    const remembering = createServer({ ...deps, policyCacheMs: 3_600_000 });
    const reading = createServer({ ...deps, policyCacheMs: 0 });
    const before = await reasons(remembering);
    expect(before.reasons).toContainEqual({ code: 'overdue_beyond', params: { days: 37, limit: 30 } });
    expect(await reasons(reading)).toEqual(before);
    // Stored by the CLI's use case, not through either server: orders are held beyond 20 days overdue.
    const policy = { holdWhenOverdueDays: 20, referWhenOverdueDays: 10, referFromGrade: 8 };
    const stored = await setPolicy(s.store, { kind: 'check', body: policy, reason: 'tighter', by: 'cli-user' });
    expect(stored.ok).toBe(true);
    const now = await reasons(reading);
    expect(now.decision).toBe('hold');
    expect(now.reasons).toContainEqual({ code: 'overdue_beyond_hold', params: { days: 37, limit: 20 } });
    expect(await reasons(remembering)).toEqual(before);
  });
});
