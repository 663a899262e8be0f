import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, ROLES, ROUTES, type Role } from '../src/index';
import { type Example, examples } from './examples';
import { demoFacts, openTestServer, type TestServer } from './fixture';

/**
 * Who may call what, decided once per route (issue 12, item 4). A route added to the table without a line
 * here fails the first test: every new route needs a decision.
 */
const DECISIONS: Readonly<Record<string, Access>> = {
  health: 'public',
  getMe: ['admin', 'credit_manager', 'collector', 'sales', 'erp'],
  setMyLanguage: ['admin', 'credit_manager', 'collector', 'sales', 'erp'],
  listBuyers: ['admin', 'credit_manager', 'collector', 'sales'],
  buyerOverview: ['admin', 'credit_manager', 'collector', 'sales'],
  getBuyer: ['admin', 'credit_manager', 'collector', 'sales'],
  getTimeline: ['admin', 'credit_manager', 'collector', 'sales'],
  holdBuyer: ['credit_manager'],
  releaseBuyer: ['credit_manager'],
  getGrade: ['admin', 'credit_manager', 'collector', 'sales'],
  runGrades: ['credit_manager'],
  overrideGrade: ['credit_manager'],
  clearGradeOverride: ['credit_manager'],
  gradeHistory: ['admin', 'credit_manager', 'collector', 'sales'],
  listPolicies: ['credit_manager'],
  setPolicy: ['credit_manager'],
  getLimit: ['admin', 'credit_manager', 'collector', 'sales'],
  requestLimit: ['credit_manager'],
  approveLimit: ['credit_manager'],
  rejectLimit: ['credit_manager'],
  setLimit: ['credit_manager'],
  recordOrder: ['credit_manager', 'erp'],
  importOrders: ['credit_manager', 'erp'],
  creditCheck: ['credit_manager', 'sales', 'erp'],
  agingReport: ['admin', 'credit_manager', 'collector'],
  kpiReport: ['admin', 'credit_manager', 'collector'],
  overdueBuyers: ['admin', 'credit_manager', 'collector'],
  agingTrend: ['admin', 'credit_manager', 'collector'],
  exposureReport: ['admin', 'credit_manager', 'collector'],
  overLimit: ['admin', 'credit_manager', 'collector'],
  listDocuments: ['admin', 'credit_manager', 'collector'],
  recordDocument: ['credit_manager', 'erp'],
  recordPayment: ['credit_manager', 'erp'],
  importBuyers: ['credit_manager', 'erp'],
  importFxRates: ['admin', 'credit_manager'],
  importDocuments: ['credit_manager', 'erp'],
  importPayments: ['credit_manager', 'erp'],
  importBankStatement: ['credit_manager', 'erp'],
  listCashReview: ['credit_manager', 'collector', 'sales'],
  listUnappliedCash: ['credit_manager', 'collector', 'sales'],
  matchCash: ['credit_manager', 'collector'],
  acceptCashLine: ['credit_manager', 'collector'],
  rejectCashLine: ['credit_manager', 'collector'],
  repointCashLine: ['credit_manager', 'collector'],
  listCashIbans: ['credit_manager', 'collector', 'sales'],
  setCashIban: ['credit_manager'],
  removeCashIban: ['credit_manager'],
  importStatements: ['credit_manager'],
  getFinancials: ['admin', 'credit_manager', 'collector', 'sales'],
  recommendLimit: ['admin', 'credit_manager', 'collector', 'sales'],
  listReviews: ['credit_manager'],
  applyCash: ['credit_manager', 'erp'],
  reallocateCash: ['credit_manager', 'erp'],
  writeOff: ['credit_manager'],
  reverseEntry: ['credit_manager'],
  calculateInterest: ['credit_manager', 'collector'],
  listAudit: ['admin', 'credit_manager'],
  listUsers: ['admin'],
  addUser: ['admin'],
  revokeUser: ['admin'],
  addWebhook: ['admin'],
  listWebhooks: ['admin'],
  testWebhook: ['admin'],
  listWebhookDeliveries: ['admin'],
  removeWebhook: ['admin'],
  addNote: ['credit_manager', 'collector'],
  openDispute: ['credit_manager', 'collector'],
  resolveDispute: ['credit_manager', 'collector'],
  addPromise: ['credit_manager', 'collector'],
  createPlan: ['credit_manager', 'collector'],
  listDisputes: ['admin', 'credit_manager', 'collector'],
  listPromises: ['admin', 'credit_manager', 'collector'],
  listPlans: ['admin', 'credit_manager', 'collector'],
  getWorklist: ['credit_manager', 'collector'],
  refreshWorklist: ['credit_manager', 'collector'],
  snoozeTask: ['credit_manager', 'collector'],
  completeTask: ['credit_manager', 'collector'],
  pauseDunning: ['credit_manager', 'collector'],
  resumeDunning: ['credit_manager', 'collector'],
  previewLetter: ['credit_manager', 'collector'],
  sendLetter: ['credit_manager', 'collector'],
  runDunning: ['credit_manager', 'collector'],
  deliverDunningRun: ['credit_manager', 'collector'],
  getJob: ['admin', 'credit_manager', 'collector'],
  getDunningRun: ['credit_manager', 'collector'],
  getLetter: ['credit_manager', 'collector'],
  listLimitRequests: ['admin', 'credit_manager'],
  eclReport: ['admin', 'credit_manager'],
  eclReportWithRates: ['admin', 'credit_manager'],
  trainForecast: ['credit_manager'],
  backtestForecast: ['credit_manager'],
  cashForecast: ['admin', 'credit_manager', 'collector'],
  cashForecastAccuracy: ['admin', 'credit_manager', 'collector'],
  listCreditChecks: ['admin', 'credit_manager'],
  listAlerts: ['admin', 'credit_manager', 'collector', 'sales'],
  runAlerts: ['credit_manager', 'collector'],
  acknowledgeAlert: ['credit_manager', 'collector'],
  snoozeAlert: ['credit_manager', 'collector'],
  resolveAlert: ['credit_manager', 'collector'],
  runDaily: ['admin', 'credit_manager'],
  getDaily: ['admin', 'credit_manager', 'collector'],
  keyAccounts: ['admin', 'credit_manager', 'collector'],
  listSecurities: ['admin', 'credit_manager', 'collector', 'sales'],
  addSecurity: ['credit_manager'],
  endSecurity: ['credit_manager'],
  accountStatement: ['admin', 'credit_manager', 'collector'],
  listStatementRecords: ['admin', 'credit_manager', 'collector'],
  confirmStatement: ['credit_manager', 'collector'],
  disputeStatementLine: ['credit_manager', 'collector'],
  sendStatement: ['credit_manager', 'collector'],
  sendKeyAccountStatements: ['credit_manager', 'collector'],
  addInsurancePolicy: ['credit_manager'],
  recordInsuranceLimit: ['credit_manager'],
  insuranceLimits: ['admin', 'credit_manager', 'collector', 'sales'],
  insuranceExposure: ['admin', 'credit_manager', 'collector', 'sales'],
  insuranceDeadlines: ['admin', 'credit_manager', 'collector', 'sales'],
  insuranceReport: ['admin', 'credit_manager', 'collector', 'sales'],
  getWorkingCapital: ['admin', 'credit_manager'],
  setWorkingCapital: ['credit_manager'],
  simulate: ['admin', 'credit_manager'],
  kpisByPerson: ['admin', 'credit_manager', 'collector'],
  recordDiscretionaryLimit: ['credit_manager'],
  recordAdverseInformation: ['credit_manager'],
  importInsurerDecisions: ['credit_manager'],
  notifyOverdue: ['credit_manager'],
  notificationForm: ['admin', 'credit_manager', 'collector', 'sales'],
  recordClaimStep: ['credit_manager'],
  insuranceClaim: ['admin', 'credit_manager', 'collector', 'sales'],
};

const FORBIDDEN = 'https://credence.dev/problems/forbidden';

describe('role × route matrix', () => {
  let s: TestServer;
  let all: Readonly<Record<string, readonly Example[]>>;
  beforeAll(async () => {
    s = await openTestServer();
    all = examples(await demoFacts(s));
  }, 120_000);
  afterAll(() => s?.close());

  it('has a decision for every route of the table, and it is the one the route declares', () => {
    const table = Object.fromEntries(ROUTES.map((r) => [r.config.operationId, r.access]));
    expect(table).toEqual(DECISIONS);
    for (const r of ROUTES) if (r.access !== 'public') expect(r.access.length, r.config.operationId).toBeGreaterThan(0);
  });

  it('walks every route × every role (and no token): 401 without a token, 403 for a role not allowed, else through', async () => {
    for (const r of ROUTES) {
      const id = r.config.operationId;
      const x = all[id]?.[0];
      if (x === undefined) throw new Error(`no example request for ${id}`);
      // An empty body for writes: an allowed role gets past the guard to validation (400), nothing is written
      // (but a grade run, whose body is all optional: it re-records the same grades).
      const body = x.method === 'GET' ? undefined : {};
      for (const role of [undefined, ...ROLES] as (Role | undefined)[]) {
        const res = await s.call(role, x.method, x.path, body);
        const problem = res.status >= 400 ? ((await res.json()) as { type?: string }) : undefined;
        const label = `${id} as ${role ?? 'nobody'}: ${res.status} ${problem?.type ?? ''}`;
        if (r.access === 'public') expect(res.status, label).toBeLessThan(400);
        else if (role === undefined) expect(res.status, label).toBe(401);
        else if (!r.access.includes(role)) {
          expect(res.status, label).toBe(403);
          expect(problem?.type, label).toBe(FORBIDDEN);
        } else {
          expect([401, 403], label).not.toContain(res.status);
          expect(res.status, label).toBeLessThan(500);
        }
      }
    }
  });

  it('as a new user would: a sales token cannot approve a limit, a collector cannot write off, no token gets 401', async () => {
    const f = await demoFacts(s);
    const req = await s.call('credit_manager', 'POST', `/api/v1/buyers/${f.buyer}/limit-requests`, {
      amount: '1000.00',
      currency: f.currency,
      reason: 'new customer',
    });
    expect(req.status).toBe(201);
    const { id } = (await req.json()) as { id: number };
    const path = `/api/v1/buyers/${f.buyer}/limit-requests/${id}/approve`;
    const sales = await s.call('sales', 'POST', path, { reason: 'looks fine' });
    expect(sales.status).toBe(403);
    expect(sales.headers.get('content-type')).toBe('application/problem+json');
    expect(((await sales.json()) as { type: string }).type).toBe(FORBIDDEN);
    const wo = await s.call('collector', 'POST', `/api/v1/documents/${f.invoice}/write-offs`, {
      id: 'WO-X',
      date: '2026-06-30',
      reason: 'tired of it',
    });
    expect(wo.status).toBe(403);
    const anon = await s.call(undefined, 'GET', `/api/v1/buyers/${f.buyer}`);
    expect(anon.status).toBe(401);
    expect(anon.headers.get('www-authenticate')).toBe('Bearer');
    const bogus = await s.app.request(`/api/v1/buyers/${f.buyer}`, {
      headers: { authorization: 'Bearer cr_nonsense' },
    });
    expect(bogus.status).toBe(401);
    // Nothing was approved or written off by the refused calls.
    const limit = (await (await s.call('sales', 'GET', `/api/v1/buyers/${f.buyer}/limit`)).json()) as {
      pending: { id: number }[];
    };
    expect(limit.pending.map((e) => e.id)).toContain(id);
    expect((await s.store.correctionsOf(f.buyer)).writeOffs.map((w) => w.id)).not.toContain('WO-X');
  });

  it('records who wrote: an API write carries the principal, not the process', async () => {
    const f = await demoFacts(s);
    const res = await s.call('erp', 'POST', '/api/v1/payments', {
      id: 'ROLE-P1',
      buyerId: f.buyer,
      date: '2026-06-20',
      amount: '5.00',
      currency: f.currency,
    });
    expect(res.status).toBe(201);
    const [p] = await s.store.findPayments(['ROLE-P1']);
    expect(p?.recorded?.recordedBy).toBe('user-erp');
    const trail = (await (await s.call('admin', 'GET', '/api/v1/audit?user=user-erp')).json()) as {
      entries: { actor: string; channel: string; tokenId?: string; entityId: string }[];
    };
    const entry = trail.entries.find((e) => e.entityId === 'ROLE-P1');
    expect(entry).toMatchObject({ actor: 'user-erp', channel: 'api', tokenId: expect.stringMatching(/^tok_/) });
  });
});
