// Examples of the routes for reports, documents, payments, imports and cash (see examples.ts).

import type { Example, Facts } from './examples';
import { seedStatement } from './examples-cash';

export function ledgerExamples(f: Facts): Record<string, readonly Example[]> {
  const cm = 'credit_manager' as const;
  return {
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
        name: 'in a reporting currency',
        as: 'admin',
        method: 'GET',
        path: '/api/v1/reports/kpis?asOf=2026-06-30&reportingCurrency=EUR',
        status: 200,
      },
      {
        name: 'the headline only, without the payment behaviour per buyer',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/kpis?asOf=2026-06-30&behaviour=false',
        status: 200,
      },
      {
        name: 'from after asOf',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/kpis?asOf=2026-06-30&from=2026-07-01',
        status: 422,
      },
    ],
    overdueBuyers: [
      {
        name: 'top five in EUR',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/overdue-buyers?asOf=2026-06-30&reportingCurrency=EUR&limit=5',
        status: 200,
      },
      {
        name: 'no reporting currency',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/overdue-buyers',
        status: 400,
      },
    ],
    agingTrend: [
      {
        name: 'six months in EUR',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/aging-trend?asOf=2026-06-30&months=6&reportingCurrency=EUR',
        status: 200,
      },
      { name: 'one month', as: 'collector', method: 'GET', path: '/api/v1/reports/aging-trend?months=1', status: 400 },
    ],
    exposureReport: [
      {
        name: 'by grade and country',
        as: 'admin',
        method: 'GET',
        path: '/api/v1/reports/exposure?asOf=2026-06-30',
        status: 200,
      },
      { name: 'bad date', as: 'admin', method: 'GET', path: '/api/v1/reports/exposure?asOf=2026-13-01', status: 400 },
    ],
    overLimit: [
      {
        name: 'first page',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/over-limit?asOf=2026-06-30&limit=10',
        status: 200,
      },
      {
        name: 'page too large',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/reports/over-limit?limit=501',
        status: 400,
      },
    ],
    listDocuments: [
      {
        name: 'the 1–30 days bucket',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/documents?asOf=2026-06-30&bucket=1&limit=20',
        status: 200,
      },
      { name: 'bad grade', as: 'collector', method: 'GET', path: '/api/v1/documents?grade=11', status: 400 },
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
        body: 'buyer_id,name,country,currency,payment_terms_days,email\nUP-B1,Upload GmbH,DE,EUR,30,ap@upload.example\n',
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
    listCashReview: [
      {
        name: 'the queue',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/cash/review',
        // A statement imported and matched first, so the queue has lines (examples-cash.ts).
        pathFrom: seedStatement(f, 'CASH-REVIEW-1', '/api/v1/cash/review', true),
        status: 200,
      },
      { name: 'empty buyer id', as: 'collector', method: 'GET', path: '/api/v1/cash/review?buyerId=', status: 400 },
    ],
    listUnappliedCash: [
      { name: 'all', as: 'collector', method: 'GET', path: '/api/v1/cash/unapplied', status: 200 },
      { name: "a buyer's", as: 'sales', method: 'GET', path: `/api/v1/cash/unapplied?buyerId=${f.buyer}`, status: 200 },
      { name: 'empty buyer id', as: 'sales', method: 'GET', path: '/api/v1/cash/unapplied?buyerId=', status: 400 },
    ],
    importBankStatement: [
      {
        name: 'a camt.054 notification',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/bank-statements?name=ntf.xml',
        body: camt054('NTF-UP-1', '480.25'),
        contentType: 'application/xml',
        status: 200,
      },
      {
        name: 'a batch that does not add up',
        as: 'erp',
        method: 'POST',
        path: '/api/v1/bank-statements',
        body: camt054('NTF-UP-2', '480.24'),
        contentType: 'application/xml',
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
  };
}

/** A multipart body with one file part named `file`. */
function csvPart(name: string, text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}

/** A camt.054 notification of one batched credit (100.00 + 380.25) whose entry says `entry` (EUR). */
function camt054(id: string, entry: string): string {
  const tx = (amount: string, e2e: string) =>
    `<TxDtls><Refs><EndToEndId>${e2e}</EndToEndId></Refs><Amt Ccy="EUR">${amount}</Amt><RmtInf><Ustrd>UP-1</Ustrd></RmtInf></TxDtls>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04">' +
    `<BkToCstmrDbtCdtNtfctn><Ntfctn><Id>${id}</Id><Acct><Id><IBAN>AT611904300234573201</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    `<Ntry><Amt Ccy="EUR">${entry}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-06-15</Dt></BookgDt>` +
    `<NtryDtls>${tx('100.00', 'E1')}${tx('380.25', 'E2')}</NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`
  );
}
