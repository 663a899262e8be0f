import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 16 from the command line: a statement imported is matched; the sure line applied, the rest in the review
// queue, on account or in suspense; the queue decided by accept, reject and repoint; the IBAN map shown and edited.
const tmp = tempDir('cashapp');
const db = join(tmp.dir, 'db');
const run = (...args: string[]) => credence([...args, '--db', db]);
const SLOW = 240_000;

beforeAll(async () => {
  const files: Record<string, string> = {
    buyers:
      'buyer_id,name,country,currency,payment_terms_days\nB1,Blue Ocean Trading Ltd,GB,EUR,30\nB2,Nordwind Logistik GmbH,DE,EUR,30\n',
    invoices:
      'document_number,buyer_id,issue_date,due_date,amount,currency\n' +
      'INV-2024-0101,B1,2024-04-01,2024-05-01,1200.00,EUR\nINV-2024-0102,B1,2024-04-15,2024-05-15,800.00,EUR\n' +
      'RE-100240,B2,2024-05-10,2024-06-09,300.00,EUR\nRE-100241,B2,2024-05-12,2024-06-11,300.00,EUR\n',
  };
  for (const [k, text] of Object.entries(files)) {
    writeFileSync(join(tmp.dir, `${k}.csv`), text);
    expect((await run('import', k, join(tmp.dir, `${k}.csv`))).code).toBe(0);
  }
}, SLOW);
afterAll(() => tmp.cleanup());

describe('credence cash', () => {
  it(
    'import matches; review accept / reject / repoint; unapplied; ibans',
    async () => {
      const statement = join(tmp.dir, 'statement.csv');
      writeFileSync(
        statement,
        'booking_date,amount,currency,payer_name,payer_iban,remittance,account,statement_id\n' +
          '2024-07-01,1200.00,EUR,BLUE OCEAN TRADING LTD,DE89370400440532013000,INV-2024-0101,DE02120300000000202051,S1\n' +
          '2024-07-01,300.00,EUR,Nordwind Logistik GmbH,,,DE02120300000000202051,S1\n' +
          '2024-07-01,43.21,EUR,Blue Ocean Trading Ltd,,Vorauszahlung,DE02120300000000202051,S1\n' +
          '2024-07-01,777.00,EUR,Maria Schneider,,Zahlung,DE02120300000000202051,S1\n',
      );
      const imported = await run('import', 'bank-statement', statement);
      expect([imported.code, imported.err]).toEqual([0, '']);
      expect(imported.out).toContain(
        'Matched 4 bank lines: 1 applied, 1 to review, 1 on account, 1 in suspense, 0 ignored; 2 payments created, 1 IBANs learned.',
      );
      const again = await run('cash', 'match');
      expect(again.out.trim()).toBe('No bank lines wait for matching.');

      const queue = await run('cash', 'review', 'list', '--format', 'json');
      const lines = JSON.parse(queue.out).lines as { statement: string; line: number; proposals: unknown[] }[];
      expect(lines.map((l) => l.line)).toEqual([2]);
      const st = lines[0]?.statement ?? '';
      const text = await run('cash', 'review', 'list');
      expect(text.out).toContain('1. B2: RE-100240 300.00 (score 0.85): name_match, amount_ambiguous, amount_exact');

      const accept = await run('cash', 'review', 'accept', `${st}:2`, '--proposal', '1', '--by', 'rita');
      expect([accept.code, accept.out]).toEqual([0, expect.stringContaining('RE-100240')]);
      const twice = await run('cash', 'review', 'accept', `${st}:2`);
      expect(twice.code).not.toBe(0);
      expect(twice.err).toContain('applied');

      const unapplied = await run('cash', 'unapplied');
      expect(unapplied.out).toContain(`${st}:3`);
      expect(unapplied.out).toContain('on_account B1');
      expect(unapplied.out).toContain(`${st}:4`);
      const rejected = await run('cash', 'review', 'reject', `${st}:4`, '--reason', 'not a customer');
      expect(rejected.code).toBe(0);
      const moved = await run(
        'cash',
        'review',
        'repoint',
        `${st}:4`,
        '--buyer',
        'B2',
        '--document',
        'RE-100241',
        '--reason',
        'the owner paid',
      );
      expect([moved.code, moved.err]).toEqual([0, '']);
      const b2 = await run('cash', 'unapplied', '--buyer', 'B2', '--format', 'json');
      expect(JSON.parse(b2.out).lines).toEqual([]);

      const ibans = await run('cash', 'ibans', 'list');
      expect(ibans.out).toContain(`DE89370400440532013000  B1  learned from ${st}:1`);
      expect((await run('cash', 'ibans', 'set', 'DE02 1203 0000 0000 2020 51', '--buyer', 'B2')).code).toBe(0);
      expect((await run('cash', 'ibans', 'set', 'nonsense', '--buyer', 'B2')).code).not.toBe(0);
      expect((await run('cash', 'ibans', 'remove', 'DE89370400440532013000')).code).toBe(0);
      const after = await run('cash', 'ibans', 'list', '--format', 'json');
      expect(JSON.parse(after.out).ibans.map((i: { iban: string }) => i.iban)).toEqual(['DE02120300000000202051']);

      const policy = await run('policy', 'show', 'cash');
      expect(JSON.parse(policy.out).autoApplyThreshold).toBe(0.95);
    },
    SLOW,
  );
});
