// Examples of the routes for buyers, grades, limits, orders and the credit check (see examples.ts).
import { readFileSync } from 'node:fs';
import type { Example, Facts } from './examples';

/** The shipped check policy (with its credit section), as `setPolicy` stores it. */
const shippedCheck: unknown = JSON.parse(
  readFileSync(new URL('../../runtime/config/check-policy.json', import.meta.url), 'utf8'),
);

export function creditExamples(f: Facts): Record<string, readonly Example[]> {
  const b = `/api/v1/buyers/${f.buyer}`;
  const cm = 'credit_manager' as const;
  const limitBody = { amount: '50000.00', currency: f.currency, reason: 'good payer' };
  return {
    listBuyers: [
      { name: 'all', as: 'sales', method: 'GET', path: '/api/v1/buyers', status: 200 },
      { name: 'no token', as: undefined, method: 'GET', path: '/api/v1/buyers', status: 401 },
    ],
    getBuyer: [
      { name: 'one', as: 'sales', method: 'GET', path: `${b}?asOf=2026-06-30`, status: 200 },
      { name: 'unknown', as: 'sales', method: 'GET', path: '/api/v1/buyers/NOPE', status: 404 },
      { name: 'bad date', as: 'sales', method: 'GET', path: `${b}?asOf=2026-02-30`, status: 400 },
    ],
    getTimeline: [
      { name: 'timeline', as: 'collector', method: 'GET', path: `${b}/timeline`, status: 200 },
      { name: 'unknown', as: 'collector', method: 'GET', path: '/api/v1/buyers/NOPE/timeline', status: 404 },
    ],
    holdBuyer: [
      { name: 'hold', as: cm, method: 'POST', path: `${b}/hold`, body: { reason: 'cheque bounced' }, status: 201 },
      { name: 'already', as: cm, method: 'POST', path: `${b}/hold`, body: { reason: 'again' }, status: 403 },
      { name: 'no reason', as: cm, method: 'POST', path: `${b}/hold`, body: { reason: '' }, status: 400 },
    ],
    releaseBuyer: [
      { name: 'release', as: cm, method: 'POST', path: `${b}/release`, body: { reason: 'paid' }, status: 201 },
      { name: 'not on hold', as: cm, method: 'POST', path: `${b}/release`, body: { reason: 'paid' }, status: 403 },
    ],
    getGrade: [
      { name: 'recorded', as: cm, method: 'GET', path: `${b}/grade?lang=zh-CN`, status: 200 },
      { name: 'before any run', as: cm, method: 'GET', path: `${b}/grade?asOf=2020-01-01`, status: 404 },
      { name: 'bad lang', as: cm, method: 'GET', path: `${b}/grade?lang=xx`, status: 400 },
    ],
    runGrades: [
      {
        name: 'a re-run',
        as: cm,
        method: 'POST',
        path: '/api/v1/grade-runs',
        body: { asOf: '2026-06-30' },
        status: 201,
      },
      {
        name: 'bad date',
        as: cm,
        method: 'POST',
        path: '/api/v1/grade-runs',
        body: { asOf: '30.06.2026' },
        status: 400,
      },
    ],
    overrideGrade: [
      {
        name: 'override',
        as: cm,
        method: 'POST',
        path: `${b}/grade-override`,
        body: { grade: 4, reason: 'parent company guarantee signed', until: '2026-12-31' },
        status: 201,
      },
      { name: 'no reason', as: cm, method: 'POST', path: `${b}/grade-override`, body: { grade: 4 }, status: 400 },
      {
        name: 'grade 11',
        as: cm,
        method: 'POST',
        path: `${b}/grade-override`,
        body: { grade: 11, reason: 'x' },
        status: 400,
      },
      {
        name: 'until in the past',
        as: cm,
        method: 'POST',
        path: `${b}/grade-override`,
        body: { grade: 4, reason: 'x', until: '2026-01-01' },
        status: 422,
      },
      {
        name: 'unknown buyer',
        as: cm,
        method: 'POST',
        path: '/api/v1/buyers/NOPE/grade-override',
        body: { grade: 4, reason: 'x' },
        status: 404,
      },
    ],
    clearGradeOverride: [
      {
        name: 'remove',
        as: cm,
        method: 'DELETE',
        path: `${b}/grade-override`,
        body: { reason: 'guarantee withdrawn' },
        status: 201,
      },
      {
        name: 'none in force',
        as: cm,
        method: 'DELETE',
        path: `${b}/grade-override`,
        body: { reason: 'again' },
        status: 403,
      },
    ],
    gradeHistory: [
      { name: 'history', as: 'sales', method: 'GET', path: `${b}/grade-history`, status: 200 },
      { name: 'unknown', as: 'sales', method: 'GET', path: '/api/v1/buyers/NOPE/grade-history', status: 404 },
    ],
    listPolicies: [
      { name: 'all', as: cm, method: 'GET', path: '/api/v1/policies', status: 200 },
      { name: 'a collector', as: 'collector', method: 'GET', path: '/api/v1/policies', status: 403 },
    ],
    setPolicy: [
      {
        name: 'the shipped check policy, stored',
        as: cm,
        method: 'PUT',
        path: '/api/v1/policies/check',
        body: {
          policy: shippedCheck,
          reason: 'reviewed: kept as shipped',
        },
        status: 201,
      },
      {
        name: 'not valid',
        as: cm,
        method: 'PUT',
        path: '/api/v1/policies/check',
        body: { policy: { referFromGrade: 'eight' }, reason: 'x' },
        status: 422,
      },
      {
        name: 'no reason',
        as: cm,
        method: 'PUT',
        path: '/api/v1/policies/check',
        body: { policy: {} },
        status: 400,
      },
      {
        name: 'unknown kind',
        as: cm,
        method: 'PUT',
        path: '/api/v1/policies/interest',
        body: { policy: {}, reason: 'x' },
        status: 400,
      },
    ],
    getLimit: [
      { name: 'show', as: 'sales', method: 'GET', path: `${b}/limit`, status: 200 },
      { name: 'unknown', as: 'sales', method: 'GET', path: '/api/v1/buyers/NOPE/limit', status: 404 },
    ],
    requestLimit: [
      { name: 'ask', as: cm, method: 'POST', path: `${b}/limit-requests`, body: limitBody, status: 201 },
      {
        name: 'too many decimals',
        as: cm,
        method: 'POST',
        path: `${b}/limit-requests`,
        body: { ...limitBody, amount: '1.005' },
        status: 400,
      },
      {
        name: 'unknown buyer',
        as: cm,
        method: 'POST',
        path: '/api/v1/buyers/NOPE/limit-requests',
        body: limitBody,
        status: 404,
      },
    ],
    // Request 1 is made by `requestLimit` above (user-credit_manager): its author cannot approve it.
    approveLimit: [
      {
        name: 'own request',
        as: cm,
        method: 'POST',
        path: `${b}/limit-requests/1/approve`,
        body: { reason: 'ok' },
        status: 403,
      },
      {
        name: 'four eyes',
        as: 'approver',
        method: 'POST',
        path: `${b}/limit-requests/1/approve`,
        body: { reason: 'ok' },
        status: 201,
      },
      {
        name: 'no such request',
        as: 'approver',
        method: 'POST',
        path: `${b}/limit-requests/999/approve`,
        body: { reason: 'ok' },
        status: 404,
      },
    ],
    rejectLimit: [
      { name: 'ask again', as: cm, method: 'POST', path: `${b}/limit-requests`, body: limitBody, status: 201 },
      {
        name: 'reject',
        as: 'approver',
        method: 'POST',
        path: `${b}/limit-requests/3/reject`,
        body: { reason: 'no' },
        status: 201,
      },
      {
        name: 'no reason',
        as: 'approver',
        method: 'POST',
        path: `${b}/limit-requests/3/reject`,
        body: {},
        status: 400,
      },
    ],
    setLimit: [
      { name: 'set', as: cm, method: 'POST', path: `${b}/limit`, body: limitBody, status: 201 },
      {
        name: 'ends before it starts',
        as: cm,
        method: 'POST',
        path: `${b}/limit`,
        body: { ...limitBody, validFrom: '2026-07-01', expiresOn: '2026-06-01' },
        status: 422,
      },
    ],
    recordOrder: [
      {
        name: 'an open order',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/orders',
        body: { id: 'SO-1', buyerId: f.buyer, date: '2026-06-29', amount: '500.00', currency: f.currency },
        status: 201,
      },
      {
        name: 'delivered',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/orders',
        body: {
          id: 'SO-1',
          buyerId: f.buyer,
          date: '2026-06-29',
          amount: '500.00',
          currency: f.currency,
          status: 'delivered',
        },
        status: 200,
      },
      {
        name: 'unknown buyer',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/orders',
        body: { id: 'SO-2', buyerId: 'NOPE', date: '2026-06-29', amount: '500.00', currency: 'EUR' },
        status: 404,
      },
    ],
    importOrders: [
      {
        name: 'open orders',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/orders',
        body: `order_id,buyer_id,order_date,amount,currency,status\nSO-UP-1,${f.buyer},2026-06-28,250.00,${f.currency},open\n`,
        contentType: 'text/csv',
        status: 200,
      },
      {
        name: 'a bad status',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/orders',
        body: `order_id,buyer_id,order_date,amount,currency,status\nSO-UP-2,${f.buyer},2026-06-28,250.00,${f.currency},lost\n`,
        contentType: 'text/csv',
        status: 422,
      },
    ],
    creditCheck: [
      {
        name: 'an order',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/credit-checks',
        body: { buyerId: f.buyer, amount: '1000.00', currency: f.currency, orderId: 'SO-1' },
        status: 200,
      },
      {
        name: 'unknown buyer',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/credit-checks',
        body: { buyerId: 'NOPE', amount: '1000.00', currency: 'EUR' },
        status: 404,
      },
      {
        name: 'amount as a number',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/credit-checks',
        body: { buyerId: f.buyer, amount: 1000, currency: 'EUR' },
        status: 400,
      },
      { name: 'not JSON', as: 'erp', method: 'POST', path: '/api/v1/credit-checks', body: '{"buyerId":', status: 400 },
      {
        name: 'a body over 1 MB',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/credit-checks',
        body: `{"buyerId": "${'x'.repeat(1_100_000)}"}`,
        status: 413,
      },
    ],
    getFinancials: [
      { name: 'ratios', as: 'sales', method: 'GET', path: '/api/v1/buyers/UP-B1/financials', status: 200 },
      { name: 'no statement', as: 'sales', method: 'GET', path: `${b}/financials?asOf=2020-01-01`, status: 404 },
    ],
    recommendLimit: [
      { name: 'advice', as: cm, method: 'GET', path: `${b}/limit-recommendation?lang=zh-TW`, status: 200 },
      {
        name: 'a new buyer',
        as: cm,
        method: 'GET',
        path: '/api/v1/buyers/UP-B1/limit-recommendation?expectedMonthlySales=20000.00',
        status: 200,
      },
      {
        name: 'sales not an amount',
        as: cm,
        method: 'GET',
        path: `${b}/limit-recommendation?expectedMonthlySales=lots`,
        status: 422,
      },
      { name: 'unknown', as: cm, method: 'GET', path: '/api/v1/buyers/NOPE/limit-recommendation', status: 404 },
    ],
    listReviews: [
      { name: 'every buyer', as: cm, method: 'GET', path: '/api/v1/reviews?all=true&lang=zh-CN', status: 200 },
      { name: 'bad date', as: cm, method: 'GET', path: '/api/v1/reviews?asOf=tomorrow', status: 400 },
    ],
    keyAccounts: [
      { name: 'key accounts', as: cm, method: 'GET', path: '/api/v1/key-accounts?asOf=2026-06-30', status: 200 },
      { name: 'every buyer', as: 'collector', method: 'GET', path: '/api/v1/key-accounts?all=true', status: 200 },
      { name: 'bad currency', as: cm, method: 'GET', path: '/api/v1/key-accounts?currency=XX', status: 400 },
    ],
    listSecurities: [
      { name: 'securities', as: 'sales', method: 'GET', path: `${b}/securities?asOf=2026-06-30`, status: 200 },
      { name: 'unknown', as: cm, method: 'GET', path: '/api/v1/buyers/NOPE/securities', status: 404 },
    ],
    addSecurity: [
      {
        name: 'a guarantee',
        as: cm,
        method: 'POST',
        path: `${b}/securities`,
        body: {
          securityId: 'G-EX-1',
          kind: 'guarantee',
          issuer: 'Parent AG',
          amount: '1000.00',
          currency: f.currency,
          validFrom: '2020-01-01',
          expiresOn: '2020-12-31',
          reason: 'an expired guarantee (it changes no check)',
        },
        status: 201,
      },
      {
        name: 'other terms, same reference',
        as: cm,
        method: 'POST',
        path: `${b}/securities`,
        body: {
          securityId: 'G-EX-1',
          kind: 'guarantee',
          issuer: 'Parent AG',
          amount: '2000.00',
          currency: f.currency,
          validFrom: '2020-01-01',
          reason: 'x',
        },
        status: 409,
      },
      {
        name: 'a guarantee without amount',
        as: cm,
        method: 'POST',
        path: `${b}/securities`,
        body: { securityId: 'G-EX-2', kind: 'guarantee', issuer: 'x', validFrom: '2020-01-01', reason: 'x' },
        status: 422,
      },
    ],
    endSecurity: [
      {
        name: 'released',
        as: cm,
        method: 'POST',
        path: `${b}/securities/G-EX-1/end`,
        body: { endsOn: '2020-06-30', reason: 'returned' },
        status: 201,
      },
      {
        name: 'twice',
        as: cm,
        method: 'POST',
        path: `${b}/securities/G-EX-1/end`,
        body: { reason: 'again' },
        status: 403,
      },
      { name: 'unknown', as: cm, method: 'POST', path: `${b}/securities/NOPE/end`, body: { reason: 'x' }, status: 404 },
    ],
    listLimitRequests: [
      { name: 'waiting', as: 'admin', method: 'GET', path: '/api/v1/limit-requests?limit=20', status: 200 },
      { name: 'bad page', as: cm, method: 'GET', path: '/api/v1/limit-requests?offset=-1', status: 400 },
    ],
    listCreditChecks: [
      { name: 'holds', as: cm, method: 'GET', path: '/api/v1/credit-checks?decision=hold&lang=zh-TW', status: 200 },
      {
        name: 'dates reversed',
        as: cm,
        method: 'GET',
        path: '/api/v1/credit-checks?from=2026-06-30&to=2026-06-01',
        status: 422,
      },
    ],
    // UP-P3 paid 150.00 for UP-5 (50.00): 100.00 unapplied; UP-1 has 60.00 open (imports above).
  };
}
