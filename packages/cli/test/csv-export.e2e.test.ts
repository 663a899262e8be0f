import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 10 item 5: names that a spreadsheet would run as formulas come out of every CSV export as text
// (OWASP CSV injection); amounts, negative ones included, stay numbers; JSON stays exact.
const tmp = tempDir('csv-out');
const db = join(tmp.dir, 'db');
afterAll(() => tmp.cleanup());

const HYPERLINK = '=HYPERLINK("http://evil.example","click")';

beforeAll(async () => {
  const buyers = join(tmp.dir, 'buyers.csv');
  writeFileSync(
    buyers,
    'buyer_id,name,country,currency,payment_terms_days\n' +
      `B1,"${HYPERLINK.replaceAll('"', '""')}",DE,EUR,30\nB2,@SUM(1+1),DE,EUR,30\nB3,-Minus Ltd,DE,EUR,30\n`,
  );
  const invoices = join(tmp.dir, 'invoices.csv');
  writeFileSync(
    invoices,
    'document_number,buyer_id,issue_date,due_date,amount,currency,type\n' +
      'INV-1,B1,2026-05-01,2026-05-31,100.00,EUR,invoice\nCN-1,B2,2026-05-01,2026-05-01,12.50,EUR,credit_note\n' +
      'INV-3,B3,2026-06-01,2026-07-01,7.00,EUR,invoice\n',
  );
  for (const [kind, f] of [
    ['buyers', buyers],
    ['invoices', invoices],
  ]) {
    const r = await credence(['import', kind as string, f as string, '--db', db]);
    expect([r.code, r.err]).toEqual([0, '']);
  }
});

const rows = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];

describe('CSV exports', () => {
  it('report aging --by buyer: formula-like names neutralised, amounts stay numbers, a credit balance has its column', async () => {
    const r = await credence([
      'report',
      'aging',
      '--by',
      'buyer',
      '--as-of',
      '2026-06-30',
      '--format',
      'csv',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const byId = Object.fromEntries(rows(r.out).map((x) => [x.buyer_id, x]));
    expect(byId.B1).toMatchObject({ buyer_name: `'${HYPERLINK}`, total: '100.00', credit_balance: '0.00' });
    // B2 owes nothing: its credit note is a credit balance beside the aging, not a negative bucket.
    expect(byId.B2).toMatchObject({ buyer_name: "'@SUM(1+1)", total: '0.00', credit_balance: '12.50' });
    expect(byId.B3).toMatchObject({ buyer_name: "'-Minus Ltd", total: '7.00' });
    expect(r.out).toContain(',12.50');
  });

  it('buyer list: names neutralised in CSV, exact in JSON', async () => {
    const csv = await credence(['buyer', 'list', '--format', 'csv', '--db', db]);
    expect(rows(csv.out).map((b) => [b.buyer_id, b.name, b.payment_terms_days])).toEqual([
      ['B1', `'${HYPERLINK}`, '30'],
      ['B2', "'@SUM(1+1)", '30'],
      ['B3', "'-Minus Ltd", '30'],
    ]);
    const json = await credence(['buyer', 'list', '--format', 'json', '--db', db]);
    expect((JSON.parse(json.out) as { name: string }[]).map((b) => b.name)).toEqual([
      HYPERLINK,
      '@SUM(1+1)',
      '-Minus Ltd',
    ]);
  });

  it('report kpis: the numbers stay numbers', async () => {
    const r = await credence(['report', 'kpis', '--as-of', '2026-06-30', '--format', 'csv', '--db', db]);
    expect(r.code).toBe(0);
    const [eur] = rows(r.out);
    expect(eur).toMatchObject({ currency: 'EUR', total_ar: '94.50' });
    for (const v of Object.values(eur ?? {})) expect(v.startsWith("'")).toBe(false);
  });
});
