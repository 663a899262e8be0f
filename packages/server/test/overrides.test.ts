import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacts, openTestServer, type TestServer } from './fixture';

// Issue 12, item 5 over HTTP: a policy stored with PUT is in force on the next request, and the order credit
// check reads a grade override; who may do either is the credit manager.
describe('grade overrides and policies over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  it('the credit check uses the stored policy at once and the override in force', async () => {
    const f = await demoFacts(s);
    const check = async () => {
      const r = await s.call('erp', 'POST', '/api/v1/credit-checks', {
        buyerId: f.buyer,
        amount: '10.00',
        currency: f.currency,
      });
      expect(r.status).toBe(200);
      const body = (await r.json()) as { reasons: { code: string; params: Record<string, unknown> }[] };
      return body.reasons.find((x) => x.code === 'grade_too_weak')?.params.grade;
    };
    const policy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 5 };
    const put = await s.call('credit_manager', 'PUT', '/api/v1/policies/check', {
      policy,
      reason: 'refer from grade 5 this quarter',
    });
    expect(put.status).toBe(201);
    const listed = (await (await s.call('credit_manager', 'GET', '/api/v1/policies')).json()) as {
      policies: { kind: string; source: string; policy: Record<string, unknown>; versions: { reason: string }[] }[];
    };
    const stored = listed.policies.find((p) => p.kind === 'check');
    expect(stored).toMatchObject({
      source: 'stored',
      policy,
      versions: [{ reason: 'refer from grade 5 this quarter' }],
    });

    const path = `/api/v1/buyers/${f.buyer}/grade-override`;
    expect((await s.call('sales', 'POST', path, { grade: 9, reason: 'x' })).status).toBe(403);
    expect((await s.call('collector', 'POST', path, { grade: 9, reason: 'x' })).status).toBe(403);
    expect((await s.call('credit_manager', 'POST', path, { grade: 9, reason: 'fraud alert' })).status).toBe(201);
    expect(await check()).toBe(9);
    expect((await s.call('credit_manager', 'POST', path, { grade: 2, reason: 'alert cleared' })).status).toBe(201);
    expect(await check()).toBeUndefined();
    const grade = (await (await s.call('sales', 'GET', `/api/v1/buyers/${f.buyer}/grade`)).json()) as {
      grade: number;
      override?: { grade: number; reason: string; by: string };
    };
    expect(grade.override).toMatchObject({ grade: 2, reason: 'alert cleared', by: 'user-credit_manager' });
    expect((await s.call('credit_manager', 'DELETE', path, { reason: 'back to the model' })).status).toBe(201);
    const history = (await (await s.call('sales', 'GET', `/api/v1/buyers/${f.buyer}/grade-history`)).json()) as {
      entries: { kind: string }[];
    };
    expect(history.entries.filter((e) => e.kind !== 'graded').map((e) => e.kind)).toEqual([
      'override',
      'override',
      'clear',
    ]);
  });
});
