import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacts, openTestServer, type TestServer } from './fixture';

// The credit desk's routes over HTTP (issue 13, item 5): the limit requests waiting across buyers, and the credit
// check's holds and referrals, kept and listed by outcome and date.
interface Waiting {
  asOf: string;
  total: number;
  requests: {
    request: { id: number; by: string; limit: { amount: string } };
    buyerId: string;
    buyerName?: string;
    current: unknown;
    ageDays: number;
  }[];
}
interface Results {
  total: number;
  limit: number;
  offset: number;
  results: {
    buyerId: string;
    buyerName?: string;
    orderId?: string;
    decision: string;
    order: { amount: string; currency: string };
    exposure: { afterOrder: { amount: string } };
    reasons: { code: string; text: string }[];
    checkedBy: string;
  }[];
}

describe('the credit desk over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());
  const get = async <T>(role: Parameters<TestServer['call']>[0], path: string): Promise<T> => {
    const r = await s.call(role, 'GET', `/api/v1${path}`);
    expect(r.status, path).toBe(200);
    return (await r.json()) as T;
  };

  it('lists a waiting limit request until another manager answers it', async () => {
    const f = await demoFacts(s);
    const req = await s.call('credit_manager', 'POST', `/api/v1/buyers/${f.buyer}/limit-requests`, {
      amount: '75000.00',
      currency: f.currency,
      reason: 'bigger orders from July',
    });
    expect(req.status).toBe(201);
    const { id } = (await req.json()) as { id: number };
    const before = await get<Waiting>('admin', '/limit-requests');
    const mine = before.requests.find((r) => r.request.id === id);
    expect(mine).toMatchObject({
      buyerId: f.buyer,
      request: { by: 'user-credit_manager', limit: { amount: '75000.00' } },
      ageDays: 0,
    });
    expect(mine?.buyerName).toBe((await s.store.getBuyer(f.buyer))?.name);
    expect(before.asOf).toBe('2026-06-30');
    expect((await s.call('sales', 'GET', '/api/v1/limit-requests')).status).toBe(403);
    expect((await s.call('collector', 'GET', '/api/v1/limit-requests')).status).toBe(403);
    // Four eyes: the requester may not answer; another manager does, and the request leaves the list.
    const path = `/api/v1/buyers/${f.buyer}/limit-requests/${id}/approve`;
    expect((await s.call('credit_manager', 'POST', path, { reason: 'mine' })).status).toBe(403);
    expect((await s.call('approver', 'POST', path, { reason: 'fine', amount: '60000.00' })).status).toBe(201);
    const after = await get<Waiting>('credit_manager', '/limit-requests');
    expect(after.requests.map((r) => r.request.id)).not.toContain(id);
    expect(after.total).toBe(before.total - 1);
  });

  it("keeps the credit check's referrals and holds, not its approvals, and lists them newest first", async () => {
    const f = await demoFacts(s);
    const empty = await get<Results>('credit_manager', '/credit-checks');
    const check = async (amount: string, orderId: string) => {
      const r = await s.call('erp', 'POST', '/api/v1/credit-checks', {
        buyerId: f.buyer,
        amount,
        currency: f.currency,
        orderId,
      });
      expect(r.status).toBe(200);
      return ((await r.json()) as { decision: string }).decision;
    };
    const small = await check('0.01', 'SO-SMALL');
    const big = await check('99000000.00', 'SO-BIG');
    expect(big).not.toBe('approve');
    const all = await get<Results>('admin', '/credit-checks?lang=zh-TW');
    expect(all.total).toBe(empty.total + (small === 'approve' ? 1 : 2));
    expect(all.results[0]).toMatchObject({
      buyerId: f.buyer,
      orderId: 'SO-BIG',
      decision: big,
      order: { amount: '99000000.00', currency: f.currency },
      checkedBy: 'user-erp',
    });
    expect(all.results[0]?.buyerName).toBe((await s.store.getBuyer(f.buyer))?.name);
    expect(all.results[0]?.reasons.length).toBeGreaterThan(0);
    expect(all.results[0]?.reasons[0]?.text).toMatch(/[\u4e00-\u9fff]/);
    const other = big === 'hold' ? 'refer' : 'hold';
    const none = await get<Results>('credit_manager', `/credit-checks?decision=${other}&from=2026-06-30`);
    expect(none.results.map((r) => r.orderId)).not.toContain('SO-BIG');
    const same = await get<Results>(
      'credit_manager',
      `/credit-checks?decision=${big}&from=2026-06-30&to=2026-06-30&limit=1`,
    );
    expect([same.limit, same.results.map((r) => r.orderId)]).toEqual([1, ['SO-BIG']]);
    const earlier = await get<Results>('credit_manager', '/credit-checks?to=2026-06-29');
    expect(earlier.total).toBe(0);
    expect((await s.call('sales', 'GET', '/api/v1/credit-checks')).status).toBe(403);
    expect((await s.call('erp', 'GET', '/api/v1/credit-checks')).status).toBe(403);
    expect((await s.call('credit_manager', 'GET', '/api/v1/credit-checks?limit=501')).status).toBe(400);
  });
});
