import type { Example, Facts } from './examples';

const FIGURES = {
  currency: 'EUR',
  cash: '120000.00',
  receivables: '310000.00',
  inventory: '180000.00',
  payables: '150000.00',
  otherCurrentAssets: '10000.00',
  otherCurrentLiabilities: '50000.00',
  sales: '250000.00',
  costOfSales: '175000.00',
};

/** Issue 17 items 4–5, issue 18 item 7: working capital, the simulator, KPIs per person (routes/cash-position.ts). */
export function cashPositionExamples(_f: Facts): Record<string, Example[]> {
  return {
    setWorkingCapital: [
      {
        name: "January's figures (docs/domain/working-capital.md)",
        as: 'credit_manager',
        method: 'PUT',
        path: '/api/v1/working-capital/2026-01',
        body: FIGURES,
        status: 201,
      },
      {
        name: 'February, receivables from the ledger',
        as: 'credit_manager',
        method: 'PUT',
        path: '/api/v1/working-capital/2026-02',
        body: { ...FIGURES, receivables: undefined, cash: '90000.00' },
        status: 201,
      },
      {
        name: 'a negative inventory',
        as: 'credit_manager',
        method: 'PUT',
        path: '/api/v1/working-capital/2026-03',
        body: { ...FIGURES, inventory: '-1.00' },
        status: 422,
      },
      {
        name: 'not a month',
        as: 'credit_manager',
        method: 'PUT',
        path: '/api/v1/working-capital/2026-13',
        body: FIGURES,
        status: 400,
      },
    ],
    getWorkingCapital: [
      {
        name: 'January to March',
        as: 'admin',
        method: 'GET',
        path: '/api/v1/working-capital?from=2026-01&to=2026-03',
        status: 200,
      },
      {
        name: 'from after to',
        as: 'admin',
        method: 'GET',
        path: '/api/v1/working-capital?from=2026-03&to=2026-01',
        status: 422,
      },
    ],
    simulate: [
      {
        name: 'shorter terms for high-risk buyers, an earlier first reminder',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/simulate',
        body: {
          asOf: '2026-06-30',
          scenario: {
            seed: 7,
            currency: 'EUR',
            terms: [{ segment: { tier: 'high' }, days: 15 }],
            dunning: { baseFirstDay: 15, firstDay: 5, response: '50%' },
          },
        },
        status: 200,
      },
      {
        name: 'an unknown tier',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/simulate',
        body: { scenario: { terms: [{ segment: { tier: 'red' }, days: 15 }] } },
        status: 422,
      },
    ],
    kpisByPerson: [
      {
        name: 'per collector, April to June',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/kpis/by-person?by=collector&from=2026-04-01&to=2026-06-30',
        status: 200,
      },
      {
        name: 'by an unknown grouping',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/kpis/by-person?by=region',
        status: 400,
      },
    ],
  };
}
