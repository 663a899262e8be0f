// Real requests for every route of the table: at least one success and one caller's mistake each. The contract
// test checks each response against the route's declared schema; docs and the role matrix reuse them.
import type { Store } from '@credence/app';
import { date } from '@credence/core';
import type { Caller } from './fixture';

export interface Example {
  readonly name: string;
  readonly as: Caller | undefined;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** The path from what earlier examples recorded (an id the store made), instead of `path`. */
  readonly pathFrom?: (store: Store) => Promise<string>;
  /** The body's media type when it is not JSON (an uploaded CSV file: the body as it is). */
  readonly contentType?: string;
  readonly status: number;
}

/** Facts of the demo data the examples need (read once the store is loaded). */
export interface Facts {
  readonly buyer: string;
  readonly currency: string;
  /** An open invoice of `buyer`. */
  readonly invoice: string;
}

export function examples(f: Facts): Readonly<Record<string, readonly Example[]>> {
  const b = `/api/v1/buyers/${f.buyer}`;
  const cm = 'credit_manager' as const;
  const limitBody = { amount: '50000.00', currency: f.currency, reason: 'good payer' };
  return {
    // Last in the table: by then the writes above are in the trail.
    listAudit: [
      {
        name: 'api writes',
        as: 'admin',
        method: 'GET',
        path: '/api/v1/audit?user=user-erp&from=2026-01-01',
        status: 200,
      },
      { name: 'bad instant', as: 'admin', method: 'GET', path: '/api/v1/audit?from=yesterday', status: 400 },
    ],
    listUsers: [
      { name: 'all', as: 'admin', method: 'GET', path: '/api/v1/users', status: 200 },
      { name: 'not an admin', as: cm, method: 'GET', path: '/api/v1/users', status: 403 },
    ],
    addUser: [
      {
        name: 'a collector',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/users',
        body: { name: 'anna', role: 'collector' },
        status: 201,
      },
      {
        name: 'the name taken',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/users',
        body: { name: 'anna', role: 'sales' },
        status: 403,
      },
      {
        name: 'no such role',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/users',
        body: { name: 'bob', role: 'boss' },
        status: 400,
      },
    ],
    revokeUser: [
      { name: 'anna', as: 'admin', method: 'POST', path: '/api/v1/users/anna/revoke', status: 201 },
      { name: 'again', as: 'admin', method: 'POST', path: '/api/v1/users/anna/revoke', status: 403 },
      { name: 'unknown', as: 'admin', method: 'POST', path: '/api/v1/users/nobody/revoke', status: 404 },
    ],
    health: [{ name: 'up', as: undefined, method: 'GET', path: '/api/v1/health', status: 200 }],
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
    agingReport: [
      {
        name: 'by buyer',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/aging?byBuyer=true&reportingCurrency=EUR',
        status: 200,
      },
      {
        name: 'bad currency',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/aging?reportingCurrency=EURO',
        status: 400,
      },
    ],
    kpiReport: [
      { name: 'quarter', as: 'collector', method: 'GET', path: '/api/v1/reports/kpis?asOf=2026-06-30', status: 200 },
      {
        name: 'from after asOf',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/kpis?asOf=2026-06-30&from=2026-07-01',
        status: 422,
      },
    ],
    recordDocument: [
      {
        name: 'an invoice',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/documents',
        body: {
          number: 'API-1',
          buyerId: f.buyer,
          issueDate: '2026-06-01',
          dueDate: '2026-07-01',
          amount: '1200.00',
          currency: f.currency,
        },
        status: 201,
      },
      {
        name: 'the same again',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/documents',
        body: {
          number: 'API-1',
          buyerId: f.buyer,
          issueDate: '2026-06-01',
          dueDate: '2026-07-01',
          amount: '1200.00',
          currency: f.currency,
        },
        status: 200,
      },
      {
        name: 'another content',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/documents',
        body: {
          number: 'API-1',
          buyerId: f.buyer,
          issueDate: '2026-06-01',
          dueDate: '2026-07-01',
          amount: '1300.00',
          currency: f.currency,
        },
        status: 409,
      },
      {
        name: 'due before issue',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/documents',
        body: {
          number: 'API-2',
          buyerId: f.buyer,
          issueDate: '2026-06-01',
          dueDate: '2026-05-01',
          amount: '10.00',
          currency: f.currency,
        },
        status: 422,
      },
    ],
    recordPayment: [
      {
        name: 'a payment',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/payments',
        body: {
          id: 'API-P1',
          buyerId: f.buyer,
          date: '2026-06-15',
          amount: '100.00',
          currency: f.currency,
          documentNumber: f.invoice,
        },
        status: 201,
      },
      {
        name: 'unknown document',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/payments',
        body: {
          id: 'API-P2',
          buyerId: f.buyer,
          date: '2026-06-15',
          amount: '100.00',
          currency: f.currency,
          documentNumber: 'NOPE',
        },
        status: 422,
      },
    ],
    importBuyers: [
      {
        name: 'a new buyer',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/buyers?name=buyers.csv',
        body: 'buyer_id,name,country,currency,payment_terms_days\nUP-B1,Upload GmbH,DE,EUR,30\n',
        contentType: 'text/csv',
        status: 200,
      },
      {
        name: 'as a multipart file',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/buyers',
        body: csvPart('buyers.csv', 'buyer_id,name,country,currency,payment_terms_days\nUP-B2,Zwei AG,AT,EUR,45\n'),
        status: 200,
      },
      {
        name: 'a bad currency',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/buyers',
        body: 'buyer_id,name,country,currency,payment_terms_days\nUP-B3,X,DE,EURO,30\n',
        contentType: 'text/csv',
        status: 422,
      },
    ],
    importFxRates: [
      {
        name: 'semicolons',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/imports/fx-rates',
        body: 'date;from_currency;to_currency;rate\r\n2026-06-03;USD;EUR;0.92\r\n',
        contentType: 'text/csv; charset=utf-8',
        status: 200,
      },
      {
        name: 'a quote not closed',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/imports/fx-rates',
        body: 'date,from_currency,to_currency,rate\n"2026-06-01,USD,EUR,0.92\n',
        contentType: 'text/csv',
        status: 400,
      },
    ],
    importDocuments: [
      {
        name: 'an invoice',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/invoices',
        body:
          'document_number,buyer_id,issue_date,due_date,amount,currency\n' +
          'UP-1,UP-B1,2026-06-01,2026-07-01,100.00,EUR\nUP-5,UP-B1,2026-06-01,2026-07-01,50.00,EUR\n',
        contentType: 'text/csv',
        status: 200,
      },
      {
        name: 'row errors',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/invoices',
        body:
          'document_number,buyer_id,issue_date,due_date,amount,currency\n' +
          'UP-2,UP-B1,2026-06-01,2026-05-01,100.00,EUR\n\nUP-3,NOPE,2026-06-01,2026-07-01,1.00,EUR\n',
        contentType: 'text/csv',
        status: 422,
      },
      {
        name: 'an XLSX file',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/invoices?name=march.xlsx',
        body: 'PK\u0003\u0004 not csv',
        contentType: 'text/csv',
        status: 400,
      },
    ],
    importPayments: [
      {
        name: 'a payment',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/payments',
        body:
          'payment_id,buyer_id,payment_date,amount,currency,document_number\n' +
          'UP-P1,UP-B1,2026-06-15,40.00,EUR,UP-1\nUP-P3,UP-B1,2026-06-16,150.00,EUR,UP-5\n',
        contentType: 'text/csv',
        status: 200,
      },
      {
        name: 'unknown document',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/imports/payments',
        body: 'payment_id,buyer_id,payment_date,amount,currency,document_number\nUP-P2,UP-B1,2026-06-15,40.00,EUR,NOPE\n',
        contentType: 'text/csv',
        status: 422,
      },
    ],
    importStatements: [
      {
        name: 'a balance sheet',
        as: cm,
        method: 'POST',
        path: '/api/v1/imports/statements',
        body:
          'buyer_id,fiscal_year,period_end,currency,unit,cash,current_assets,short_term_liabilities\n' +
          'UP-B1,2025,2025-12-31,EUR,1000,120,800,400\n',
        contentType: 'text/csv',
        status: 200,
      },
      {
        name: 'a bad unit',
        as: cm,
        method: 'POST',
        path: '/api/v1/imports/statements',
        body: 'buyer_id,fiscal_year,period_end,currency,unit,cash\nUP-B1,2024,2024-12-31,EUR,7,120\n',
        contentType: 'text/csv',
        status: 422,
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
    // UP-P3 paid 150.00 for UP-5 (50.00): 100.00 unapplied; UP-1 has 60.00 open (imports above).
    applyCash: [
      {
        name: 'part of the unapplied cash',
        as: cm,
        method: 'POST',
        path: '/api/v1/payments/UP-P3/applications',
        body: { documentNumber: 'UP-1', amount: '20.00', date: '2026-06-20' },
        status: 201,
      },
      {
        name: 'the same again',
        as: cm,
        method: 'POST',
        path: '/api/v1/payments/UP-P3/applications',
        body: { documentNumber: 'UP-1', amount: '20.00', date: '2026-06-20' },
        status: 200,
      },
      {
        name: 'unknown payment',
        as: cm,
        method: 'POST',
        path: '/api/v1/payments/NOPE/applications',
        body: { documentNumber: 'UP-1' },
        status: 404,
      },
    ],
    reallocateCash: [
      {
        name: 'to another invoice',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/payments/UP-P3/reallocations',
        body: { from: 'UP-5', to: 'UP-1', amount: '10.00', date: '2026-06-21' },
        status: 201,
      },
      {
        name: 'too many decimals',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/payments/UP-P3/reallocations',
        body: { from: 'UP-5', to: 'UP-1', amount: '1.001' },
        status: 422,
      },
    ],
    writeOff: [
      {
        name: 'part of an invoice',
        as: cm,
        method: 'POST',
        path: `/api/v1/documents/${f.invoice}/write-offs`,
        body: { id: 'API-WO1', date: '2026-06-20', reason: 'settlement', amount: '1.00' },
        status: 201,
      },
      {
        name: 'the same again',
        as: cm,
        method: 'POST',
        path: `/api/v1/documents/${f.invoice}/write-offs`,
        body: { id: 'API-WO1', date: '2026-06-20', reason: 'settlement', amount: '1.00' },
        status: 200,
      },
      {
        name: 'unknown document',
        as: cm,
        method: 'POST',
        path: '/api/v1/documents/NOPE/write-offs',
        body: { id: 'API-WO2', date: '2026-06-20', reason: 'x' },
        status: 422,
      },
    ],
    // Undoes the payment API-P1 recorded by `recordPayment` above.
    reverseEntry: [
      {
        name: 'a bounced payment',
        as: cm,
        method: 'POST',
        path: '/api/v1/reversals',
        body: { id: 'API-R1', kind: 'payment', targetId: 'API-P1', date: '2026-06-25', reason: 'bounced' },
        status: 201,
      },
      {
        name: 'unknown payment',
        as: cm,
        method: 'POST',
        path: '/api/v1/reversals',
        body: { id: 'API-R2', kind: 'payment', targetId: 'NOPE', date: '2026-06-25', reason: 'bounced' },
        status: 404,
      },
    ],
    addNote: [
      {
        name: 'a call',
        as: 'collector',
        method: 'POST',
        path: `${b}/notes`,
        body: { kind: 'call', text: 'will pay Friday' },
        status: 201,
      },
      {
        name: 'in the future',
        as: 'collector',
        method: 'POST',
        path: `${b}/notes`,
        body: { text: 'x', date: '2027-01-01' },
        status: 422,
      },
      {
        name: 'unknown buyer',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/buyers/NOPE/notes',
        body: { text: 'x' },
        status: 404,
      },
    ],
    openDispute: [
      {
        name: 'quality',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes',
        body: { documents: [f.invoice], reason: 'quality' },
        status: 201,
      },
      {
        name: 'unknown reason',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes',
        body: { documents: [f.invoice], reason: 'mood' },
        status: 400,
      },
    ],
    // The dispute opened by `openDispute` above is the first: DSP-0001.
    resolveDispute: [
      {
        name: 'partial without a credit note',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-0001/resolve',
        body: { outcome: 'partial' },
        status: 422,
      },
      {
        name: 'rejected',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-0001/resolve',
        body: { outcome: 'rejected', notes: 'goods were fine' },
        status: 201,
      },
      {
        name: 'again',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-0001/resolve',
        body: { outcome: 'rejected' },
        status: 403,
      },
      {
        name: 'unknown',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-9999/resolve',
        body: { outcome: 'rejected' },
        status: 404,
      },
    ],
    addPromise: [
      {
        name: 'by Friday',
        as: 'collector',
        method: 'POST',
        path: `${b}/promises`,
        body: { amount: '500.00', date: '2026-07-03', documents: [f.invoice] },
        status: 201,
      },
      {
        name: 'in the past',
        as: 'collector',
        method: 'POST',
        path: `${b}/promises`,
        body: { amount: '500.00', date: '2026-06-01' },
        status: 422,
      },
      {
        name: 'too many decimals',
        as: 'collector',
        method: 'POST',
        path: `${b}/promises`,
        body: { amount: '500.001', date: '2026-07-03', documents: [f.invoice] },
        status: 422,
      },
    ],
    createPlan: [
      {
        name: 'three months',
        as: 'collector',
        method: 'POST',
        path: `${b}/plans`,
        body: { documents: [f.invoice], monthly: { count: 3, first: '2026-07-15' } },
        status: 201,
      },
      {
        name: 'already in a plan',
        as: 'collector',
        method: 'POST',
        path: `${b}/plans`,
        body: { documents: [f.invoice], monthly: { count: 2, first: '2026-07-15' } },
        status: 403,
      },
      {
        name: 'both ways',
        as: 'collector',
        method: 'POST',
        path: `${b}/plans`,
        body: { documents: [f.invoice], instalments: [], monthly: { count: 2, first: '2026-07-15' } },
        status: 400,
      },
    ],
    // By now: DSP-0001 (rejected), the promise and the plan of the examples above.
    listDisputes: [
      { name: 'all', as: 'collector', method: 'GET', path: `/api/v1/disputes?buyerId=${f.buyer}`, status: 200 },
      { name: 'bad flag', as: 'collector', method: 'GET', path: '/api/v1/disputes?open=yes', status: 400 },
    ],
    listPromises: [
      { name: 'open', as: 'collector', method: 'GET', path: '/api/v1/promises?open=true', status: 200 },
      { name: 'bad flag', as: 'collector', method: 'GET', path: '/api/v1/promises?open=1', status: 400 },
    ],
    listPlans: [
      { name: 'all', as: 'admin', method: 'GET', path: '/api/v1/plans', status: 200 },
      { name: 'empty buyer id', as: 'admin', method: 'GET', path: '/api/v1/plans?buyerId=', status: 400 },
    ],
    // On the day the promise of `addPromise` falls due, the worklist keeps a task to check it.
    getWorklist: [
      {
        name: 'the day a promise is due',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/worklist?asOf=2026-07-03&currency=EUR&lang=zh-CN',
        status: 200,
      },
      { name: 'bad limit', as: 'collector', method: 'GET', path: '/api/v1/worklist?limit=0', status: 400 },
    ],
    snoozeTask: [
      {
        name: 'a week',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/check_promise:PRM-0001/snooze',
        body: { until: '2026-07-10', note: 'customer on holiday' },
        status: 200,
      },
      {
        name: 'until today',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/check_promise:PRM-0001/snooze',
        body: { until: '2026-06-30' },
        status: 422,
      },
    ],
    completeTask: [
      {
        name: 'done',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/check_promise:PRM-0001/done',
        body: { note: 'paid by wire' },
        status: 200,
      },
      {
        name: 'unknown task',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/call:NOPE/done',
        body: {},
        status: 404,
      },
    ],
    // Paused and resumed before the letters below: they are due again.
    pauseDunning: [
      {
        name: 'a week',
        as: 'collector',
        method: 'POST',
        path: `${b}/pause`,
        body: { until: '2026-07-07', reason: 'talks' },
        status: 201,
      },
      {
        name: 'in the past',
        as: 'collector',
        method: 'POST',
        path: `${b}/pause`,
        body: { until: '2026-06-01', reason: 'talks' },
        status: 422,
      },
    ],
    resumeDunning: [
      {
        name: 'resume',
        as: 'collector',
        method: 'POST',
        path: `${b}/resume`,
        body: { reason: 'no deal' },
        status: 201,
      },
      { name: 'not paused', as: 'collector', method: 'POST', path: `${b}/resume`, body: { reason: 'x' }, status: 403 },
    ],
    // The buyer's invoice is long overdue: a letter is due (a preview first, then the run records it).
    previewLetter: [
      { name: 'as PDF', as: 'collector', method: 'GET', path: `${b}/letter`, status: 200 },
      { name: 'as HTML', as: 'collector', method: 'GET', path: `${b}/letter?format=html`, status: 200 },
      { name: 'nothing due', as: 'collector', method: 'GET', path: '/api/v1/buyers/UP-B2/letter', status: 404 },
      { name: 'bad format', as: 'collector', method: 'GET', path: `${b}/letter?format=docx`, status: 400 },
    ],
    runDunning: [
      {
        name: 'dry run',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs',
        body: { dryRun: true },
        status: 200,
      },
      {
        name: 'live, confirmed',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs',
        body: { asOf: '2026-06-30', confirm: true },
        status: 201,
      },
      {
        name: 'live in the future',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs',
        body: { asOf: '2026-07-01' },
        status: 422,
      },
    ],
    // A letter the live run above recorded for the buyer.
    getLetter: [
      {
        name: 'as sent',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/letters/NOPE',
        pathFrom: async (store) => {
          const l = (await store.lettersOn(date('2026-06-30'))).find((r) => r.letter.debtor.id === f.buyer);
          if (l === undefined) throw new Error('the live run recorded no letter for the buyer');
          return `/api/v1/letters/${encodeURIComponent(l.letter.id)}?format=pdf`;
        },
        status: 200,
      },
      { name: 'unknown', as: 'collector', method: 'GET', path: '/api/v1/letters/NOPE', status: 404 },
    ],
    calculateInterest: [
      {
        name: 'eu',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/interest/calculations',
        body: { regime: 'eu', amount: '18000.00', currency: 'EUR', due: '2025-03-31', paid: '2025-09-30' },
        status: 200,
      },
      {
        name: 'contract without rate',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/interest/calculations',
        body: { regime: 'contract', amount: '18000.00', currency: 'EUR', due: '2025-03-31', paid: '2025-09-30' },
        status: 422,
      },
    ],
  };
}

/** A multipart body with one file part named `file`. */
function csvPart(name: string, text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}
