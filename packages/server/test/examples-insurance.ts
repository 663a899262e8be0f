import type { Example, Facts } from './examples';

/** A policy covering the demo's buyers, in the example buyer's currency. */
export const examplePolicy = (f: Facts) => ({
  insurer: 'Example Credit Insurance',
  policyNumber: 'EX-1',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: f.currency,
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
  };
}
