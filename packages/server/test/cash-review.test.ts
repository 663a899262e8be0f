import { importBankStatement, importDocuments, listReviewQueue } from '@credence/app';
import { type BankStatementLine, type CurrencyCode, date } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './fixture';

// Issue 16 over HTTP: the matching step, then the review queue decided by accept, reject, re-point.
const EUR = 'EUR' as CurrencyCode;
const line = (entry: number, payerName: string): BankStatementLine => ({
  entry,
  amount: 30000n,
  currency: EUR,
  creditDebit: 'credit',
  bookingDate: date('2024-07-01'),
  valueDate: date('2024-07-01'),
  remittance: '',
  reversal: false,
  payerName,
});
const cols = ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'];
const docs = [
  ['INV-101', 'B1', 'invoice', '2024-04-01', '2024-05-01', '1200.00', EUR],
  ['RE-240', 'B2', 'invoice', '2024-05-10', '2024-06-09', '300.00', EUR],
  ['RE-241', 'B2', 'invoice', '2024-05-12', '2024-06-11', '300.00', EUR],
];

describe('cash review over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(false);
    await s.store.transact((tx) =>
      tx.upsertBuyers([
        { id: 'B1', name: 'Blue Ocean Trading Ltd', country: 'GB', currency: EUR, paymentTermsDays: 30 },
        { id: 'B2', name: 'Nordwind Logistik GmbH', country: 'DE', currency: EUR, paymentTermsDays: 30 },
      ]),
    );
    const d = await importDocuments(s.store, {
      file: 'i.csv',
      columns: cols,
      rows: docs.map((cells, i) => ({
        row: i + 2,
        values: Object.fromEntries(cols.map((c, j) => [c, cells[j] ?? ''])),
      })),
    });
    expect(d.ok).toBe(true);
    const lines = [1, 2, 3].map((n) => line(n, 'Nordwind Logistik GmbH'));
    const st = {
      format: 'camt.054' as const,
      account: 'DE02120300000000202051',
      currency: EUR,
      statementId: 'S-1',
      lines,
    };
    expect((await importBankStatement(s.store, [st])).ok).toBe(true);
  }, 60_000);
  afterAll(() => s?.close());

  it('matches, then accepts, rejects and re-points; decided once; sales may not decide', async () => {
    const m = await s.call('collector', 'POST', '/api/v1/cash/match', {});
    expect(m.status).toBe(200);
    expect(await m.json()).toMatchObject({ lines: 3, counts: { review: 3, applied: 0 } });
    const queue = await listReviewQueue(s.store, {});
    expect(queue.map((l) => l.state)).toEqual(['review', 'review', 'review']);
    const [a, b, c] = queue.map((l) => `/api/v1/cash/review/${l.statement}/${l.line}`);

    expect((await s.call('sales', 'POST', `${a}/accept`, {})).status).toBe(403);
    const acc = await s.call('collector', 'POST', `${a}/accept`, { proposal: 1, note: 'checked' });
    expect(acc.status).toBe(200);
    const accepted = (await acc.json()) as { allocations: { amount: unknown }[] };
    expect(accepted).toMatchObject({ line: { state: 'applied', buyerId: 'B2', note: 'checked' } });
    expect(accepted.allocations).toHaveLength(1);
    expect(accepted.allocations[0]?.amount).toEqual({ amount: '300.00', currency: EUR });

    const again = await s.call('collector', 'POST', `${a}/accept`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { type: string }).type).toBe('https://credence.dev/problems/conflict');

    expect((await s.call('collector', 'POST', `${b}/reject`, {})).status).toBe(400);
    const rej = await s.call('credit_manager', 'POST', `${b}/reject`, { reason: 'not theirs' });
    expect(rej.status).toBe(200);
    expect(await rej.json()).toMatchObject({ line: { state: 'rejected', note: 'not theirs' }, allocations: [] });

    const rp = await s.call('collector', 'POST', `${c}/repoint`, {
      buyerId: 'B1',
      documents: ['INV-101'],
      reason: 'remittance advice by mail',
    });
    expect(rp.status).toBe(200);
    expect(await rp.json()).toMatchObject({
      line: { state: 'applied', buyerId: 'B1' },
      allocations: [{ document: 'INV-101', amount: { amount: '300.00', currency: EUR } }],
    });
    const unknown = await s.call('collector', 'POST', '/api/v1/cash/review/S-9/1/accept', {});
    expect(unknown.status).toBe(404);
    // The problem names what is missing (the use cases say `kind`), not "buyer".
    expect(((await unknown.json()) as { detail: string }).detail).toBe('no bank_line S-9:1');
    expect((await listReviewQueue(s.store, {})).length).toBe(0);
  });
});

// POST /bank-statements runs the matching step after the import, unless match=false.
describe('a bank statement uploaded is matched', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(false);
    await s.store.transact((tx) =>
      tx.upsertBuyers([
        { id: 'B1', name: 'Blue Ocean Trading Ltd', country: 'GB', currency: EUR, paymentTermsDays: 30 },
        { id: 'B2', name: 'Nordwind Logistik GmbH', country: 'DE', currency: EUR, paymentTermsDays: 30 },
      ]),
    );
    const d = await importDocuments(s.store, {
      file: 'i.csv',
      columns: cols,
      rows: docs.map((cells, i) => ({
        row: i + 2,
        values: Object.fromEntries(cols.map((c, j) => [c, cells[j] ?? ''])),
      })),
    });
    expect(d.ok).toBe(true);
  }, 60_000);
  afterAll(() => s?.close());

  const camt = (id: string, entries: readonly [amount: string, name: string, text: string][]) =>
    '<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04">' +
    `<BkToCstmrDbtCdtNtfctn><Ntfctn><Id>${id}</Id><Acct><Id><IBAN>DE02200505501015871393</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    entries
      .map(
        ([amount, name, text]) =>
          `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-07-01</Dt></BookgDt>` +
          `<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${name}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${text}</Ustrd></RmtInf>` +
          '</TxDtls></NtryDtls></Ntry>',
      )
      .join('') +
    '</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>';

  it('applies what is sure and answers the counts; match=false only stores; sales may not upload', async () => {
    const file = camt('UP-M1', [
      ['1200.00', 'Blue Ocean Trading Ltd', 'INV-101'],
      ['300.00', 'Nordwind Logistik GmbH', 'Zahlung'],
      ['777.00', 'Maria Schneider', 'Zahlung'],
    ]);
    expect((await s.call('sales', 'POST', '/api/v1/bank-statements', file, 'application/xml')).status).toBe(403);
    const stored = await s.call('erp', 'POST', '/api/v1/bank-statements?match=false', file, 'application/xml');
    expect(stored.status).toBe(200);
    const only = (await stored.json()) as Record<string, unknown>;
    expect(only).toMatchObject({ paymentsCreated: 0, statements: [{ outcome: 'imported', unmatched: 3 }] });
    expect(only.matched).toBeUndefined();
    expect(await s.store.cashLines({})).toEqual([]);

    // The next upload matches what waits: the lines stored before and its own.
    const next = camt('UP-M2', [['300.00', 'NORDWIND LOGISTIK GMBH', 'RE-241']]);
    const r = await s.call('credit_manager', 'POST', '/api/v1/bank-statements?name=day2.xml', next, 'application/xml');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      file: 'day2.xml',
      paymentsCreated: 2,
      matched: { lines: 4, counts: { applied: 2, review: 1, suspense: 1 }, learned: 0 },
    });
    const applied = await s.store.cashLines({ states: ['applied'] });
    const paid = applied.map((l) =>
      l.proposals[0]?.kind === 'payment' ? l.proposals[0].allocations[0]?.document : '',
    );
    expect(paid.sort()).toEqual(['INV-101', 'RE-241']);
    // Uploaded again: skipped, nothing new matched, nothing applied twice.
    const again = await s.call('credit_manager', 'POST', '/api/v1/bank-statements', next, 'application/xml');
    expect(await again.json()).toMatchObject({
      statements: [{ outcome: 'skipped' }],
      paymentsCreated: 0,
      matched: { lines: 0 },
    });
  });
});
