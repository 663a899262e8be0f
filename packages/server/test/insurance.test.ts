import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacts, openTestServer, type TestServer } from './fixture';

// Trade credit insurance over HTTP (routes/insurance.ts): a policy, a limit approved then reduced, the reads.
describe('insurance routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  it('stores a policy, records an approval then a reduction, and shows them in the history, exposure and deadlines', async () => {
    const f = await demoFacts(s);
    const buyer = await s.store.getBuyer(f.buyer);
    const policy = {
      insurer: 'Hermes',
      policyNumber: 'P-77',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      currency: f.currency,
      countries: [buyer?.country ?? 'DE'],
    };
    const added = await s.call('credit_manager', 'POST', '/api/v1/insurance/policies?reason=signed', policy);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ policyNumber: 'P-77', version: 1, reason: 'signed' });
    const again = await s.call('credit_manager', 'POST', '/api/v1/insurance/policies', policy);
    expect(((await again.json()) as { version: number }).version).toBe(1);

    const path = `/api/v1/buyers/${f.buyer}/insurance-limits`;
    const decision = { policyNumber: 'P-77', currency: f.currency };
    const sales = await s.call('sales', 'POST', path, {
      ...decision,
      action: 'approve',
      amount: '20000',
      decisionDate: '2026-01-05',
    });
    expect(sales.status).toBe(403);
    expect(sales.headers.get('content-type')).toBe('application/problem+json');
    const approved = await s.call('credit_manager', 'POST', path, {
      ...decision,
      action: 'approve',
      amount: '20000',
      decisionDate: '2026-01-05',
      expiresOn: '2026-12-31',
      reference: 'D-1',
    });
    expect(approved.status).toBe(201);
    expect(await approved.json()).toMatchObject({ kind: 'limit_approved', amount: '20000.00', expiry: '2026-12-31' });
    const reduced = await s.call('credit_manager', 'POST', path, {
      ...decision,
      action: 'reduce',
      amount: '5000',
      decisionDate: '2026-05-01',
      reason: 'payment delays',
    });
    expect(reduced.status).toBe(201);
    const wrong = await s.call('credit_manager', 'POST', path, {
      ...decision,
      currency: 'JPY',
      action: 'reduce',
      amount: '1',
      decisionDate: '2026-05-02',
    });
    expect(wrong.status).toBe(422);

    // Audited: who (the token's user), from where (the API), why.
    const trail = (await (await s.call('admin', 'GET', '/api/v1/audit?user=user-credit_manager')).json()) as {
      entries: { action: string; channel: string; entityId: string; reason?: string }[];
    };
    expect(trail.entries.find((e) => e.action === 'insurance_limit_reduced')).toMatchObject({
      channel: 'api',
      entityId: f.buyer,
      reason: 'payment delays',
    });
    const hist = (await (await s.call('sales', 'GET', `${path}?asOf=2026-06-30`)).json()) as {
      inForce: { amount: string; reason: string } | null;
      events: { kind: string; amount?: string; by: string }[];
    };
    expect(hist.events.map((e) => [e.kind, e.amount])).toEqual([
      ['limit_approved', '20000.00'],
      ['limit_reduced', '5000.00'],
    ]);
    expect(hist.inForce).toMatchObject({ amount: '5000.00', reason: 'reduced' });

    const exp = (await (await s.call('collector', 'GET', '/api/v1/insurance/exposure?asOf=2026-06-30')).json()) as {
      buyers: { buyerId: string; limit: string; receivables: string; insured: string; uninsured: string }[];
    };
    const row = exp.buyers.find((b) => b.buyerId === f.buyer);
    expect(row?.limit).toBe('5000.00');
    const n = (x: string) => Number(x);
    if (row) expect(n(row.insured) + n(row.uninsured)).toBeCloseTo(n(row.receivables), 2);

    const dl = await s.call('sales', 'GET', '/api/v1/insurance/deadlines?asOf=2026-06-30&within=365');
    expect(dl.status).toBe(200);
    const body = (await dl.json()) as {
      asOf: string;
      deadlines: { kind: string; date: string; daysLeft: number; buyerId: string }[];
    };
    expect(body.asOf).toBe('2026-06-30');
    // The buyer's overdue invoice: its MEP and its overdue notification, each dated asOf + daysLeft.
    const mine = body.deadlines.filter((d) => d.buyerId === f.buyer);
    expect(mine.map((d) => d.kind)).toEqual(expect.arrayContaining(['mep', 'notify_overdue']));
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    for (const d of body.deadlines) expect(day(d.date) - day('2026-06-30')).toBe(d.daysLeft);
    const days = body.deadlines.map((d) => d.daysLeft);
    expect(days).toEqual([...days].sort((a, b) => a - b));

    // The order check reads the policies from the server's cache, dropped when a policy is stored here: the policy
    // added above is in force at once (an order far above the reduced limit is reported uninsured, or held past the MEP).
    const check = await s.call('sales', 'POST', '/api/v1/credit-checks', {
      buyerId: f.buyer,
      amount: '1000000.00',
      currency: f.currency,
      asOf: '2026-06-30',
    });
    expect(check.status).toBe(200);
    const codes = ((await check.json()) as { reasons: { code: string }[] }).reasons.map((r) => r.code);
    expect(codes.some((c) => c === 'insurance_uninsured' || c === 'insurance_mep_passed')).toBe(true);
  });
});
