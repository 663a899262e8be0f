import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacts, openTestServer, type TestServer } from './fixture';

// Trade credit insurance over HTTP, what was CLI-only (routes/insurance-events.ts, insurance-claims.ts): the
// discretionary limit, adverse information, the insurer's decision file, the notification and the claim.
describe('insurance claim routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  it('takes the decision file, a discretionary limit, adverse information, then the claim from notification to recovery', async () => {
    const f = await demoFacts(s);
    const buyer = await s.store.getBuyer(f.buyer);
    const policy = {
      insurer: 'Hermes',
      policyNumber: 'P-88',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      currency: f.currency,
      countries: [buyer?.country ?? 'DE'],
      discretionaryLimitMax: '8000',
    };
    expect((await s.call('credit_manager', 'POST', '/api/v1/insurance/policies', policy)).status).toBe(201);

    const csv = `buyer_id,decision,amount,currency,decision_date,expiry,reference\n${f.buyer},approve,30000,${f.currency},2026-02-01,2026-12-31,H-1\n`;
    const upload = () => s.call('credit_manager', 'POST', '/api/v1/insurance/decisions?name=h.csv', csv, 'text/csv');
    const first = await upload();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ file: 'h.csv', rows: 1, created: 1, unchanged: 0 });
    expect(await (await upload()).json()).toEqual({ file: 'h.csv', rows: 1, created: 0, unchanged: 1 });
    const bad = await s.call(
      'credit_manager',
      'POST',
      '/api/v1/insurance/decisions',
      `buyer_id,decision,amount,currency,decision_date,expiry,reference\nNOPE,approve,1,${f.currency},2026-02-01,,\n`,
      'text/csv',
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { rowErrors: { column: string }[] }).rowErrors.map((e) => e.column)).toEqual([
      'buyer_id',
    ]);
    const limits = (await (
      await s.call('sales', 'GET', `/api/v1/buyers/${f.buyer}/insurance-limits?asOf=2026-03-01`)
    ).json()) as {
      inForce: { amount: string; reason: string };
    };
    expect(limits.inForce.amount).toBe('30000.00');

    const disc = `/api/v1/buyers/${f.buyer}/insurance-discretionary`;
    const above = await s.call('credit_manager', 'POST', disc, { amount: '8000.01', reportDate: '2026-03-01' });
    expect(above.status).toBe(422);
    const within = await s.call('credit_manager', 'POST', disc, { amount: '8000', reportDate: '2026-03-01' });
    expect(within.status).toBe(201);
    expect(await within.json()).toMatchObject({ kind: 'discretionary', amount: '8000.00', date: '2026-03-01' });
    const adverse = `/api/v1/buyers/${f.buyer}/insurance-adverse`;
    expect(await (await s.call('credit_manager', 'POST', adverse, { date: '2026-04-01' })).json()).toMatchObject({
      kind: 'adverse_info',
    });
    expect(
      await (await s.call('credit_manager', 'POST', adverse, { date: '2026-04-03', reported: true })).json(),
    ).toMatchObject({ kind: 'adverse_reported', date: '2026-04-03' });

    const claim = `/api/v1/buyers/${f.buyer}/insurance-claim`;
    const early = await s.call('credit_manager', 'POST', claim, { step: 'complete', date: '2026-06-30' });
    expect(early.status).toBe(403);
    expect(((await early.json()) as { params: { reason: string } }).params.reason).toBe('no_notification');
    expect((await s.call('collector', 'GET', `${claim}?asOf=2026-06-30`)).status).toBe(404);

    const notify = `/api/v1/buyers/${f.buyer}/insurance-notification`;
    const sales = await s.call('sales', 'POST', notify, { date: '2026-06-30' });
    expect(sales.status).toBe(403);
    const notified = await s.call('credit_manager', 'POST', notify, { date: '2026-06-30' });
    expect(notified.status).toBe(201);
    const form = (await notified.json()) as { notifiedOn: string; invoices: { invoiceId: string; open: string }[] };
    expect(form.notifiedOn).toBe('2026-06-30');
    expect(form.invoices.map((i) => i.invoiceId)).toContain(f.invoice);
    // The same notification again: the same figures; another date: made once.
    expect(await (await s.call('credit_manager', 'POST', notify, { date: '2026-06-30' })).json()).toEqual(form);
    expect((await s.call('credit_manager', 'POST', notify, { date: '2026-07-01' })).status).toBe(403);
    const pdf = await s.call('collector', 'GET', `${notify}?asOf=2026-06-30`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1', 0, 5)).toBe('%PDF-');

    const step = (b: Record<string, unknown>) => s.call('credit_manager', 'POST', claim, { date: '2026-07-10', ...b });
    expect((await step({ step: 'document' })).status).toBe(422);
    expect((await step({ step: 'document', document: 'invoices' })).status).toBe(201);
    expect((await step({ step: 'complete' })).status).toBe(201);
    // Insolvency before the protracted-default date: the date of loss, and recoveries count after it.
    expect((await step({ step: 'insolvency', date: '2026-07-05' })).status).toBe(201);
    expect((await step({ step: 'indemnify', amount: '1000' })).status).toBe(201);
    expect((await step({ step: 'recover', amount: '200', date: '2026-08-01' })).status).toBe(201);
    const shown = (await (await s.call('sales', 'GET', `${claim}?asOf=2026-08-31`)).json()) as {
      notifiedOn: string;
      dateOfLoss: string;
      debts: { invoiceId: string; openAtNotification: string }[];
      indemnityPaid: string;
      recoveries: { amount: string; insurer: string; insured: string }[];
      documents: string[];
    };
    expect(shown.notifiedOn).toBe('2026-06-30');
    expect(shown.dateOfLoss).toBe('2026-07-05');
    expect(shown.debts.map((d) => [d.invoiceId, d.openAtNotification])).toEqual(
      form.invoices.map((i) => [i.invoiceId, i.open]),
    );
    expect(shown.indemnityPaid).toBe('1000.00');
    expect(shown.documents).toEqual(['invoices']);
    expect(shown.recoveries).toHaveLength(1);
    const r = shown.recoveries[0];
    expect(r?.amount).toBe('200.00');
    expect(Number(r?.insurer) + Number(r?.insured)).toBeCloseTo(200, 2);
  }, 60_000);
});
