import type { Example, Facts } from './examples';

/** A policy covering the demo's buyers, in the example buyer's currency. */
export const examplePolicy = (f: Facts) => ({
  insurer: 'Example Credit Insurance',
  policyNumber: 'EX-1',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: f.currency,
  discretionaryLimitMax: '10000',
  countries: ['DE', 'FR', 'NL', 'AT', 'IT', 'ES', 'BE', 'CH', 'GB', 'US', 'CN', 'JP', 'PL', 'CZ', 'SE', 'DK'],
});

// Trade credit insurance (routes/insurance.ts): a policy, a limit decision, then the reads.
export function insuranceExamples(f: Facts): Readonly<Record<string, readonly Example[]>> {
  const limits = `/api/v1/buyers/${f.buyer}/insurance-limits`;
  return {
    addInsurancePolicy: [
      {
        name: 'a policy',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/insurance/policies?reason=signed',
        body: examplePolicy(f),
        status: 201,
      },
      {
        name: 'no countries',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/insurance/policies',
        body: { ...examplePolicy(f), countries: [] },
        status: 422,
      },
    ],
    recordInsuranceLimit: [
      {
        name: 'approved',
        as: 'credit_manager',
        method: 'POST',
        path: limits,
        body: {
          action: 'approve',
          policyNumber: 'EX-1',
          amount: '20000',
          decisionDate: '2026-01-05',
          expiresOn: '2026-12-31',
          reference: 'D-1',
        },
        status: 201,
      },
      {
        name: 'unknown policy',
        as: 'credit_manager',
        method: 'POST',
        path: limits,
        body: { action: 'approve', policyNumber: 'NOPE', amount: '1', decisionDate: '2026-01-05' },
        status: 404,
      },
    ],
    insuranceLimits: [
      { name: 'history', as: 'sales', method: 'GET', path: limits, status: 200 },
      { name: 'unknown buyer', as: 'sales', method: 'GET', path: '/api/v1/buyers/NOPE/insurance-limits', status: 404 },
    ],
    insuranceExposure: [
      { name: 'today', as: 'collector', method: 'GET', path: '/api/v1/insurance/exposure', status: 200 },
      {
        name: 'bad date',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/insurance/exposure?asOf=30.06.2026',
        status: 400,
      },
    ],
    insuranceDeadlines: [
      {
        name: 'a month',
        as: 'admin',
        method: 'GET',
        path: '/api/v1/insurance/deadlines?asOf=2026-06-30&within=30',
        status: 200,
      },
      { name: 'bad within', as: 'admin', method: 'GET', path: '/api/v1/insurance/deadlines?within=0', status: 400 },
    ],
    insuranceReport: [
      {
        name: 'June',
        as: 'credit_manager',
        method: 'GET',
        path: '/api/v1/insurance/report?asOf=2026-06-30',
        status: 200,
      },
      {
        name: 'unknown policy',
        as: 'credit_manager',
        method: 'GET',
        path: '/api/v1/insurance/report?asOf=2026-06-30&policy=NOPE',
        status: 404,
      },
    ],
    recordDiscretionaryLimit: [
      {
        name: 'on a credit report',
        as: 'credit_manager',
        method: 'POST',
        path: `/api/v1/buyers/${f.buyer}/insurance-discretionary`,
        body: { amount: '5000', reportDate: '2026-06-01', reason: 'report A' },
        status: 201,
      },
      {
        name: 'unknown buyer',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/buyers/NOPE/insurance-discretionary',
        body: { amount: '5000', reportDate: '2026-06-01' },
        status: 404,
      },
    ],
    recordAdverseInformation: [
      {
        name: 'learnt',
        as: 'credit_manager',
        method: 'POST',
        path: `/api/v1/buyers/${f.buyer}/insurance-adverse`,
        body: { date: '2026-06-10', reason: 'payment delays elsewhere' },
        status: 201,
      },
      {
        name: 'bad date',
        as: 'credit_manager',
        method: 'POST',
        path: `/api/v1/buyers/${f.buyer}/insurance-adverse`,
        body: { date: '10.06.2026' },
        status: 400,
      },
    ],
    importInsurerDecisions: [
      {
        name: 'an approval',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/insurance/decisions?name=decisions.csv',
        body: `buyer_id,decision,amount,currency,decision_date,expiry,reference\n${f.buyer},approve,25000,${f.currency},2026-06-15,2026-12-31,D-2\n`,
        contentType: 'text/csv',
        status: 200,
      },
      {
        name: 'an unknown decision',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/insurance/decisions',
        body: `buyer_id,decision,amount,currency,decision_date,expiry,reference\n${f.buyer},maybe,25000,${f.currency},2026-06-15,,\n`,
        contentType: 'text/csv',
        status: 422,
      },
    ],
    notifyOverdue: [
      {
        name: 'notified',
        as: 'credit_manager',
        method: 'POST',
        path: `/api/v1/buyers/${f.buyer}/insurance-notification`,
        body: { date: '2026-06-30' },
        status: 201,
      },
      {
        name: 'unknown buyer',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/buyers/NOPE/insurance-notification',
        body: { date: '2026-06-30' },
        status: 404,
      },
    ],
    notificationForm: [
      {
        name: 'the PDF',
        as: 'collector',
        method: 'GET',
        path: `/api/v1/buyers/${f.buyer}/insurance-notification?asOf=2026-06-30`,
        status: 200,
      },
      {
        name: 'no claim',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/buyers/NOPE/insurance-notification',
        status: 404,
      },
    ],
    recordClaimStep: [
      {
        name: 'a document',
        as: 'credit_manager',
        method: 'POST',
        path: `/api/v1/buyers/${f.buyer}/insurance-claim`,
        body: { step: 'document', date: '2026-06-30', document: 'statement of account' },
        status: 201,
      },
      {
        name: 'a document without its name',
        as: 'credit_manager',
        method: 'POST',
        path: `/api/v1/buyers/${f.buyer}/insurance-claim`,
        body: { step: 'document', date: '2026-06-30' },
        status: 422,
      },
    ],
    insuranceClaim: [
      {
        name: 'as it stands',
        as: 'sales',
        method: 'GET',
        path: `/api/v1/buyers/${f.buyer}/insurance-claim?asOf=2026-06-30`,
        status: 200,
      },
      { name: 'no claim', as: 'sales', method: 'GET', path: '/api/v1/buyers/NOPE/insurance-claim', status: 404 },
    ],
  };
}
