import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Payments, write-offs and reversals recorded from the command line are new ledger entries: an aging
// before their date is unchanged, one after shows them, and rerunning a command changes nothing.
const tmp = tempDir('entries');
const db = join(tmp.dir, 'db');
const open = async (asOf: string) => {
  const r = await credence(['buyer', 'show', 'B1', '--as-of', asOf, '--format', 'json', '--db', db]);
  expect(r.code).toBe(0);
  const items = (JSON.parse(r.out) as { openItems: { number: string; open: string }[] }).openItems;
  return Object.fromEntries(items.map((i) => [i.number, i.open]));
};

beforeAll(async () => {
  writeFileSync(
    join(tmp.dir, 'buyers.csv'),
    'buyer_id,name,country,currency,payment_terms_days\nB1,Acme GmbH,DE,EUR,30\n',
  );
  writeFileSync(
    join(tmp.dir, 'invoices.csv'),
    'document_number,buyer_id,issue_date,due_date,amount,currency\nI1,B1,2026-01-05,2026-02-04,1000.00,EUR\nI2,B1,2026-01-20,2026-02-19,500.00,EUR\n',
  );
  for (const k of ['buyers', 'invoices']) {
    expect((await credence(['import', k, join(tmp.dir, `${k}.csv`), '--db', db])).code).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('entries from the command line', () => {
  it('a payment without a named invoice settles the oldest due first; a rerun changes nothing', async () => {
    const args = [
      'payment',
      'add',
      '--id',
      'P1',
      '--buyer',
      'B1',
      '--date',
      '2026-03-01',
      '--amount',
      '1200.00',
      '--currency',
      'EUR',
      '--db',
      db,
    ];
    const first = await credence(args);
    expect(first.code).toBe(0);
    expect(first.out).toContain('I1: 1000.00 settled');
    expect(first.out).toContain('I2: 200.00 settled');
    expect((await credence(args)).out).toContain('unchanged');
    expect(await open('2026-02-28')).toEqual({ I1: '1000.00', I2: '500.00' });
    expect(await open('2026-03-01')).toEqual({ I2: '300.00' });
  });

  it('the same payment id with another amount is a conflict (exit 3)', async () => {
    const r = await credence([
      'payment',
      'add',
      '--id',
      'P1',
      '--buyer',
      'B1',
      '--date',
      '2026-03-01',
      '--amount',
      '1.00',
      '--currency',
      'EUR',
      '--db',
      db,
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('payment:P1');
  });

  it('an amount with more decimals than the currency has is refused (exit 2)', async () => {
    const r = await credence([
      'payment',
      'add',
      '--id',
      'P9',
      '--buyer',
      'B1',
      '--date',
      '2026-03-01',
      '--amount',
      '1.005',
      '--currency',
      'EUR',
      '--db',
      db,
    ]);
    expect(r.code).toBe(2);
  });

  it('a write-off closes the rest; reversing the payment reopens what it settled from the reversal date', async () => {
    expect(
      (
        await credence([
          'write-off',
          '--id',
          'W1',
          '--document',
          'I2',
          '--date',
          '2026-04-01',
          '--reason',
          'small balance',
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    expect(await open('2026-04-01')).toEqual({});
    const rev = await credence([
      'reverse',
      'payment',
      'P1',
      '--id',
      'R1',
      '--date',
      '2026-04-10',
      '--reason',
      'bounced',
      '--db',
      db,
    ]);
    expect(rev.code).toBe(0);
    expect(await open('2026-04-09')).toEqual({});
    expect(await open('2026-04-10')).toEqual({ I1: '1000.00', I2: '200.00' });
  });

  it('an unknown buyer is missing data (exit 4)', async () => {
    const r = await credence([
      'payment',
      'add',
      '--id',
      'P2',
      '--buyer',
      'NOPE',
      '--date',
      '2026-03-01',
      '--amount',
      '1.00',
      '--currency',
      'EUR',
      '--db',
      db,
    ]);
    expect(r.code).toBe(4);
  });
});

describe('what a user sees when something is off', () => {
  it('a mistyped --db is missing data, not an empty report', async () => {
    const r = await credence(['report', 'aging', '--as-of', '2026-06-30', '--db', join(tmp.dir, 'typo')]);
    expect(r.code).toBe(4);
    expect(r.err).toContain('no database at');
  });

  it('an unreachable PostgreSQL is exit 5 with the reason', async () => {
    const r = await credence(['report', 'aging', '--as-of', '2026-06-30'], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(r.code).toBe(5);
    expect(r.err).toContain('cannot open the database at DATABASE_URL');
  });

  it('business rules read as prose with the right exit code', async () => {
    const early = await credence([
      'write-off',
      '--id',
      'W9',
      '--document',
      'I1',
      '--date',
      '2025-12-31',
      '--reason',
      'x',
      '--db',
      db,
    ]);
    expect([early.code, early.err.trim()]).toEqual([3, "credence: 2025-12-31 is before the document's issue date"]);
    const missing = await credence([
      'reverse',
      'payment',
      'NOPE',
      '--id',
      'R9',
      '--date',
      '2026-05-01',
      '--reason',
      'x',
      '--db',
      db,
    ]);
    expect([missing.code, missing.err.trim()]).toEqual([4, 'credence: payment "NOPE" not found']);
    const negative = await credence([
      'payment',
      'add',
      '--id',
      'P8',
      '--buyer',
      'B1',
      '--date',
      '2026-03-01',
      '--amount',
      '-10',
      '--currency',
      'EUR',
      '--db',
      db,
    ]);
    expect(negative.code).toBe(2);
    expect(negative.err).toContain('greater than zero');
    const period = await credence(['report', 'kpis', '--as-of', '2026-06-30', '--from', '2026-07-01', '--db', db]);
    expect([period.code, period.err.trim()]).toEqual([2, 'credence: --from 2026-07-01 is after --as-of 2026-06-30']);
  });
});
