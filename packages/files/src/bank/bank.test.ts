import { readFileSync } from 'node:fs';
import { checkStatementBalance } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { bankAmount } from './amount';
import { decodeStatement } from './decode';
import { parse86 } from './mt940-86';
import { detectBankFormat, parseBankStatement } from './parse-statement';
import type { BankParseResult } from './result';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const statements = (r: BankParseResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const only = (r: BankParseResult) => {
  const [s, ...rest] = statements(r);
  expect(rest).toEqual([]);
  if (s === undefined) throw new Error('no statement');
  return s;
};

describe('bank amounts', () => {
  it('are minor units of the currency, never floats', () => {
    expect(bankAmount('1190.00', 'EUR')).toBe(119000n);
    expect(bankAmount('90071992547409.93', 'EUR')).toBe(9007199254740993n);
    expect(bankAmount('1234', 'JPY')).toBe(1234n);
    expect(bankAmount('1.234', 'KWD')).toBe(1234n);
    expect(bankAmount('1190,5', 'EUR', true)).toBe(119050n);
    expect(bankAmount('1190,', 'EUR', true)).toBe(119000n);
    expect(bankAmount('1.005', 'EUR')).toMatch(/more decimals/);
    expect(bankAmount('1e3', 'EUR')).toMatch(/not an amount/);
    expect(bankAmount('-5.00', 'EUR')).toMatch(/not an amount/);
  });
});

describe('camt.053', () => {
  it('reads 001.02: balances, entries, a batch split into its transactions, a reversal', () => {
    const s = only(parseBankStatement(fixture('camt053-v02.xml')));
    expect(s).toMatchObject({
      format: 'camt.053',
      version: '001.02',
      account: 'DE89370400440532013000',
      currency: 'EUR',
      statementId: 'STMT-2026-03-02',
      sequence: '41',
      createdAt: '2026-03-02T18:00:00',
      opening: { amount: 100000n, creditDebit: 'credit', date: '2026-03-01' },
      closing: { amount: 234000n, creditDebit: 'credit', date: '2026-03-02' },
    });
    expect(s.lines).toHaveLength(5);
    expect(s.lines[0]).toEqual({
      entry: 1,
      amount: 119000n,
      currency: 'EUR',
      creditDebit: 'credit',
      bookingDate: '2026-03-02',
      valueDate: '2026-03-02',
      payerName: 'Müller Maschinenbau GmbH',
      payerIban: 'DE02120300000000202051',
      payerBic: 'BYLADEM1001',
      remittance: 'Rechnung INV-1001 Kunde 4711',
      endToEndId: 'E2E-INV-1001',
      bankRef: 'BANKREF-0001',
      reversal: false,
    });
    expect(s.lines[1]).toMatchObject({
      entry: 2,
      transaction: 1,
      amount: 10000n,
      structuredRef: 'RF18539007547034',
      bankRef: 'BANKREF-0002-1',
      valueDate: '2026-03-03',
    });
    expect(s.lines[1]?.endToEndId).toBeUndefined();
    expect(s.lines[2]).toMatchObject({
      entry: 2,
      transaction: 2,
      amount: 20000n,
      payerName: 'Beta & Co KG',
      endToEndId: 'E2E-B2',
    });
    expect(s.lines[3]).toMatchObject({ creditDebit: 'debit', payerName: 'Hausbank Gebühren', reversal: false });
    expect(s.lines[4]).toMatchObject({ creditDebit: 'debit', amount: 10000n, reversal: true, payerName: 'Gamma SARL' });
    expect(checkStatementBalance(s).ok).toBe(true);
  });

  it('reads 001.08 with a namespace prefix: Pty/Nm, BICFI, DtTm, a debit opening, a return; pending entries left out', () => {
    const s = only(parseBankStatement(fixture('camt053-v08.xml')));
    expect(s).toMatchObject({ version: '001.08', account: 'CH9300762011623852957', currency: 'CHF', sequence: '7' });
    expect(s.opening).toEqual({ amount: 2550n, creditDebit: 'debit', date: '2026-03-31' });
    expect(s.lines).toHaveLength(2);
    expect(s.lines[0]).toMatchObject({
      amount: 500000n,
      bookingDate: '2026-04-01',
      payerName: 'Zürcher Werkzeug AG',
      payerIban: 'CH5604835012345678009',
      payerBic: 'CRESCHZZ80A',
      structuredRef: 'RF712348231',
      remittance: '',
      endToEndId: 'ORDER-5521',
      bankRef: 'ZKB-778899',
    });
    expect(s.lines[1]).toMatchObject({ creditDebit: 'debit', returnReason: 'AC04', payerName: 'Versicherung Basel' });
    expect(checkStatementBalance(s).ok).toBe(true);
  });

  it('reads every version from 001.02 to 001.08 alike (the namespace is not what decides)', () => {
    const v02 = fixture('camt053-v02.xml').toString('utf8');
    const base = only(parseBankStatement(Buffer.from(v02)));
    for (const v of ['001.03', '001.04', '001.05', '001.06', '001.07', '001.08']) {
      const s = only(parseBankStatement(Buffer.from(v02.replace('camt.053.001.02', `camt.053.${v}`))));
      expect({ ...s, version: undefined }).toEqual({ ...base, version: undefined });
      expect(s.version).toBe(v);
    }
  });

  it('refuses a batch whose transactions do not add up to the entry, naming the entry', () => {
    const xml = fixture('camt053-v02.xml')
      .toString('utf8')
      .replace('<Amt Ccy="EUR">200.00</Amt>', '<Amt Ccy="EUR">199.99</Amt>');
    const r = parseBankStatement(Buffer.from(xml));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        expect.objectContaining({ statement: 'STMT-2026-03-02', entry: 2, field: 'NtryDtls' }),
      ]);
  });

  it('names the entry and field of a bad amount or side; refuses what is not XML', () => {
    const xml = fixture('camt053-v02.xml')
      .toString('utf8')
      .replace('<Amt Ccy="EUR">50.00</Amt>', '<Amt Ccy="EUR">5O.00</Amt>');
    const r = parseBankStatement(Buffer.from(xml));
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ entry: 3, field: 'Amt' })]);
    const bad = parseBankStatement(
      Buffer.from('<?xml version="1.0"?><Document><BkToCstmrStmt><Stmt></BkToCstmrStmt>'),
      { format: 'camt' },
    );
    expect(bad.ok ? [] : bad.errors).toEqual([expect.objectContaining({ reason: expect.stringContaining('cut off') })]);
    const cut = fixture('camt054-v04.xml').toString('utf8');
    const r2 = parseBankStatement(Buffer.from(cut.slice(0, cut.indexOf('<Ntry>', cut.indexOf('<Ntry>') + 1))));
    expect(r2.ok).toBe(false);
  });

  it('a wrong closing balance fails the balance check, naming the statement', () => {
    const xml = fixture('camt053-v02.xml').toString('utf8').replace('2340.00', '2340.01');
    const c = checkStatementBalance(only(parseBankStatement(Buffer.from(xml))));
    expect(c.ok).toBe(false);
    if (!c.ok)
      expect(c.error.params).toMatchObject({
        reason: 'balance_mismatch',
        statement: 'STMT-2026-03-02',
        difference: '1',
      });
  });

  it('reads a UTF-8 file with a BOM, and an ISO-8859-1 one as its declaration says', () => {
    const text = fixture('camt053-v02.xml').toString('utf8');
    const bom = only(parseBankStatement(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(bom.lines[0]?.payerName).toBe('Müller Maschinenbau GmbH');
    const latin = Buffer.from(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(latin.includes(Buffer.from('ü', 'utf8'))).toBe(false);
    expect(only(parseBankStatement(latin)).lines[3]?.payerName).toBe('Hausbank Gebühren');
  });
});

describe('camt.054', () => {
  it('reads a notification: entries without balances', () => {
    const s = only(parseBankStatement(fixture('camt054-v04.xml')));
    expect(s).toMatchObject({
      format: 'camt.054',
      version: '001.04',
      statementId: 'NTF-2026-05-04-1',
      sequence: '1203',
    });
    expect(s.opening).toBeUndefined();
    expect(s.lines.map((l) => [l.amount, l.creditDebit, l.valueDate])).toEqual([
      [48025n, 'credit', '2026-05-04'],
      [1200n, 'debit', '2026-05-04'],
    ]);
    expect(s.lines[0]).toMatchObject({
      payerIban: 'AT483200000012345864',
      remittance: 'RE 2026-0042 abzgl. 2% Skonto',
    });
    expect(checkStatementBalance(s).ok).toBe(true);
  });
});

describe('MT940', () => {
  it('reads an ISO-8859-1 file with German :86: sub-fields, SEPA keys and a reversal', () => {
    const bytes = fixture('mt940-latin1.sta');
    expect(decodeStatement(bytes).encoding).toBe('iso-8859-15');
    expect(detectBankFormat(decodeStatement(bytes).text)).toBe('mt940');
    const s = only(parseBankStatement(bytes));
    expect(s).toMatchObject({
      format: 'mt940',
      account: '10020030/0532013000',
      currency: 'EUR',
      statementId: '2026/00012',
      sequence: '001',
      opening: { amount: 150000n, creditDebit: 'credit', date: '2026-03-02' },
      closing: { amount: 244450n, creditDebit: 'credit', date: '2026-03-03' },
    });
    expect(s.lines).toHaveLength(3);
    expect(s.lines[0]).toEqual({
      entry: 1,
      amount: 119000n,
      currency: 'EUR',
      creditDebit: 'credit',
      bookingDate: '2026-03-02',
      valueDate: '2026-03-02',
      payerName: 'Müller Maschinenbau GmbH',
      payerIban: 'DE02120300000000202051',
      payerBic: 'BYLADEM1001',
      remittance: 'Rechnung INV-1001 Kunde 4711',
      endToEndId: 'E2E-INV-1001',
      bankRef: 'BANK-61-1',
      reversal: false,
    });
    expect(s.lines[1]).toMatchObject({
      creditDebit: 'debit',
      amount: 4550n,
      remittance: 'Kontoführung',
      reversal: false,
    });
    expect(s.lines[2]).toMatchObject({
      creditDebit: 'debit',
      reversal: true,
      structuredRef: 'RF18539007547034',
      payerName: 'Überweiser AG',
      endToEndId: 'E2E-77',
    });
    expect(checkStatementBalance(s).ok).toBe(true);
  });

  it('reads the same file in UTF-8 with a BOM alike', () => {
    const text = decodeStatement(fixture('mt940-latin1.sta')).text;
    const a = only(parseBankStatement(fixture('mt940-latin1.sta')));
    const b = only(parseBankStatement(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])));
    expect(b).toEqual(a);
  });

  it('a wrong closing balance fails the balance check; a bad :61: names its entry', () => {
    const text = decodeStatement(fixture('mt940-latin1.sta')).text;
    const wrong = only(parseBankStatement(Buffer.from(text.replace('EUR2444,50', 'EUR2444,05'))));
    expect(checkStatementBalance(wrong).ok).toBe(false);
    const bad = parseBankStatement(Buffer.from(text.replace(':61:2603030303D45,50', ':61:2613030303D45,50')));
    expect(bad.ok ? [] : bad.errors).toEqual([expect.objectContaining({ entry: 2, field: ':61:' })]);
  });

  it('reads a message in its SWIFT envelope ({1:}{2:}{4: … -}{5:})', () => {
    const text = decodeStatement(fixture('mt940-latin1.sta')).text.replace(/-\r\n$/, '');
    const wrapped = `{1:F01BANKDEFFAXXX0000000000}{2:O9401200260303BANKDEFFAXXX00000000002603031200N}{3:{108:MT940}}{4:\r\n${text}-}{5:{CHK:0123456789AB}}\r\n`;
    expect(only(parseBankStatement(Buffer.from(wrapped)))).toEqual(
      only(parseBankStatement(fixture('mt940-latin1.sta'))),
    );
  });

  it('an old-style :86: with bank code and account number gives neither as BIC or IBAN', () => {
    const text = decodeStatement(fixture('mt940-latin1.sta')).text;
    const s = only(
      parseBankStatement(
        Buffer.from(text.replace('?30BYLADEM1001?31DE02120300000000202051', '?3010020030?310532013000')),
      ),
    );
    expect(s.lines[0]?.payerBic).toBeUndefined();
    expect(s.lines[0]?.payerIban).toBeUndefined();
    expect(s.lines[0]?.payerName).toBe('Müller Maschinenbau GmbH');
  });

  it(':86: sub-fields: free text stays the purpose; another separator is read too', () => {
    expect(parse86('Zahlung Rechnung 17')).toMatchObject({ purpose: 'Zahlung Rechnung 17' });
    expect(parse86('051@20KREF+K1 SVWZ+RE 9@32Kunde')).toMatchObject({
      gvc: '051',
      name: 'Kunde',
      sepa: { KREF: 'K1', SVWZ: 'RE 9' },
    });
  });

  it('what is neither format is refused', () => {
    const r = parseBankStatement(Buffer.from('date,amount\n2026-01-01,5\n'));
    expect(r.ok).toBe(false);
  });
});

describe('CSV bank export', () => {
  const csv =
    'booking_date,value_date,amount,currency,payer_name,payer_iban,remittance,end_to_end_id,reversal,account\n' +
    '2026-03-02,2026-03-03,1190.00,EUR,"Müller, Maschinenbau",DE02120300000000202051,INV-1001,E1,,DE89370400440532013000\n' +
    '2026-03-02,,-45.50,EUR,Hausbank,,Gebühren,,,DE89370400440532013000\n' +
    '2026-03-02,,-20.00,EUR,Gamma,,Storno,,yes,DE89370400440532013000\n';

  it('reads signed amounts, quoted fields and the optional columns; detected by its header', () => {
    const s = only(parseBankStatement(Buffer.from(csv)));
    expect(s).toMatchObject({ format: 'csv', account: 'DE89370400440532013000', currency: 'EUR' });
    expect(s.statementId).toMatch(/^CSV-[0-9a-f]{12}$/);
    expect(s.lines.map((l) => [l.amount, l.creditDebit, l.reversal, l.valueDate])).toEqual([
      [119000n, 'credit', false, '2026-03-03'],
      [4550n, 'debit', false, '2026-03-02'],
      [2000n, 'debit', true, '2026-03-02'],
    ]);
    expect(s.lines[0]).toMatchObject({ payerName: 'Müller, Maschinenbau', endToEndId: 'E1', remittance: 'INV-1001' });
  });

  it('names the entry and column of a bad value', () => {
    const r = parseBankStatement(Buffer.from(csv.replace('-45.50', '-45.5x')), { format: 'csv' });
    expect(r.ok ? [] : r.errors).toEqual([expect.objectContaining({ entry: 2, field: 'amount' })]);
  });
});
