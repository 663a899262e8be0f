import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 16, item 1: `credence import bank-statement` with real files (the parsers' own fixtures).
const tmp = tempDir('bank');
afterAll(() => tmp.cleanup());
const fixture = (name: string) => join(import.meta.dirname, '../../files/src/bank/fixtures', name);
const write = (name: string, bytes: Buffer | string) => {
  const f = join(tmp.dir, name);
  writeFileSync(f, bytes);
  return f;
};

// Each test runs several commands on a fresh embedded database: more than the default minute on a busy machine.
const SLOW = 240_000;

describe('credence import bank-statement', () => {
  it(
    'imports camt.053 and MT940 (detected), skips a re-import, creates no payment',
    async () => {
      const db = join(tmp.dir, 'db1');
      const camt = await credence(['import', 'bank-statement', fixture('camt053-v02.xml'), '--db', db]);
      expect([camt.code, camt.err]).toEqual([0, '']);
      expect(camt.out).toMatch(
        /Imported statement DE89370400440532013000 \/ STMT-2026-03-02 \/ 41 as BST-[0-9a-f]{16}: 5 lines, 3 credits to match, 2 ignored\./,
      );
      // No buyers: the matching step that import runs finds no payer, so the credits wait in suspense.
      // The reversal among the lines is matched too (to propose un-applying what it reverses): it reverses no known
      // payment, so it is ignored.
      expect(camt.out).toContain(
        'Matched 4 bank lines: 0 applied, 0 to review, 0 on account, 3 in suspense, 1 ignored',
      );

      const mt = await credence(['import', 'bank-statement', fixture('mt940-latin1.sta'), '--db', db]);
      expect([mt.code, mt.err]).toEqual([0, '']);
      expect(mt.out).toContain('Imported statement 10020030/0532013000 / 2026/00012 / 001');
      expect(mt.out).toContain('3 lines, 1 credits to match, 2 ignored');

      const again = await credence([
        'import',
        'bank-statement',
        fixture('camt053-v02.xml'),
        '--db',
        db,
        '--format',
        'json',
      ]);
      expect(again.code).toBe(0);
      const json = JSON.parse(again.out);
      expect(json.paymentsCreated).toBe(0);
      expect(json.statements[0]).toMatchObject({ outcome: 'skipped', skipped: { reason: 'same_statement' } });
    },
    SLOW,
  );

  it(
    'only credits on the company account are to match; --account names the account of a file without IBAN',
    async () => {
      const db = join(tmp.dir, 'db2');
      const company = write(
        'company.json',
        JSON.stringify({
          name: 'Credence Test GmbH',
          address: ['Hauptstr. 1', '10115 Berlin'],
          bankAccount: { bankName: 'Testbank', accountName: 'Credence Test GmbH', iban: 'CH93 0076 2011 6238 5295 7' },
          contact: { name: 'Cora', email: 'cora@example.com' },
        }),
      );
      const v08 = await credence([
        'import',
        'bank-statement',
        fixture('camt053-v08.xml'),
        '--db',
        db,
        '--company',
        company,
      ]);
      expect([v08.code, v08.err]).toEqual([0, '']);
      expect(v08.out).toContain('2 lines, 1 credits to match, 1 ignored');
      const ntf = await credence([
        'import',
        'bank-statement',
        fixture('camt054-v04.xml'),
        '--db',
        db,
        '--company',
        company,
      ]);
      expect(ntf.out).toContain('2 lines, 0 credits to match, 2 ignored');
      const wrongAccount = await credence([
        'import',
        'bank-statement',
        fixture('camt054-v04.xml'),
        '--db',
        db,
        '--account',
        'DE89370400440532013000',
      ]);
      expect(wrongAccount.code).toBe(2);
      expect(wrongAccount.err).toContain(
        'the file is for account AT611904300234573201, --account says DE89370400440532013000',
      );
    },
    SLOW,
  );

  it(
    'refuses a wrong balance or a bad batch, naming the statement or entry; nothing is imported',
    async () => {
      const db = join(tmp.dir, 'db3');
      const text = readFileSync(fixture('camt053-v02.xml'), 'utf8');
      const wrong = write('wrong.xml', text.replace('2340.00', '2340.50'));
      const r = await credence(['import', 'bank-statement', wrong, '--db', db]);
      expect(r.code).toBe(3);
      expect(r.err).toContain(
        'statement DE89370400440532013000 / STMT-2026-03-02 / 41: the balances do not add up: opening 1000.00 EUR + lines 1340.00 EUR ≠ closing 2340.50 EUR (off by 0.50 EUR)',
      );
      const batch = write('batch.xml', text.replace('<Amt Ccy="EUR">200.00</Amt>', '<Amt Ccy="EUR">20.00</Amt>'));
      const b = await credence(['import', 'bank-statement', batch, '--db', db]);
      expect(b.code).toBe(3);
      expect(b.err).toContain('statement STMT-2026-03-02, entry 2, NtryDtls: the batch');
      const ok = await credence(['import', 'bank-statement', fixture('camt053-v02.xml'), '--db', db]);
      expect(ok.out).toContain('Imported statement');
      const csv = await credence(['import', 'bank-statement', write('x.csv', 'a,b\n1,2\n'), '--db', db]);
      expect(csv.code).toBe(3);
      expect(csv.err).toContain('neither a camt.053/camt.054 document, nor an MT940 file');
      const export_ = write(
        'export.csv',
        'booking_date,amount,currency,payer_name,remittance\n2026-03-02,250.00,EUR,Alpha AG,INV-7\n2026-03-02,-9.90,EUR,Bank,fee\n',
      );
      const noAccount = await credence(['import', 'bank-statement', export_, '--db', db]);
      expect([noAccount.code, noAccount.err]).toEqual([3, expect.stringContaining('give it with --account IBAN')]);
      const withAccount = await credence([
        'import',
        'bank-statement',
        export_,
        '--db',
        db,
        '--format',
        'csv',
        '--account',
        'DE89 3704 0044 0532 0130 00',
      ]);
      expect([withAccount.code, withAccount.err]).toEqual([0, '']);
      expect(withAccount.out).toMatch(
        /Imported statement DE89370400440532013000 \/ CSV-[0-9a-f]{12} as BST-[0-9a-f]{16}: 2 lines, 1 credits to match, 1 ignored\./,
      );
      const missing = await credence(['import', 'bank-statement', join(tmp.dir, 'nope.xml'), '--db', db]);
      expect([missing.code, missing.err]).toEqual([3, expect.stringContaining('ENOENT')]);
    },
    SLOW,
  );
});
