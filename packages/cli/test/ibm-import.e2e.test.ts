import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';
import { ibmCsv, ibmRows, independentAging } from './ibm-export';

// Done-when of the ledger issue: a third-party export in the IBM "Accounts Receivable" layout imports with
// mapping files, and the aging as of any date matches an independent calculation to the cent.
const rows = ibmRows(1500);
const tmp = tempDir('ibm');
const db = join(tmp.dir, 'db');
const file = join(tmp.dir, 'WA_Fn-UseC_-Accounts-Receivable.csv');
const maps = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'ibm-ar');

const cents = (s: string) => {
  const negative = s.startsWith('-');
  const [u = '0', f = ''] = s.replace('-', '').split('.');
  const v = Number(u) * 100 + Number(f.padEnd(2, '0'));
  return negative ? -v : v;
};

beforeAll(async () => {
  writeFileSync(file, ibmCsv(rows));
  for (const kind of ['buyers', 'invoices', 'payments']) {
    const r = await credence(['import', kind, file, '--map', join(maps, `${kind}.map.json`), '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('IBM accounts-receivable export', () => {
  it.each(['2012-01-15', '2012-06-30', '2012-12-31', '2013-03-01', '2013-07-01', '2013-12-31', '2014-03-31'])(
    'aging as of %s matches the independent calculation to the cent',
    async (asOf) => {
      const r = await credence(['report', 'aging', '--as-of', asOf, '--format', 'json', '--db', db]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as {
        currency: string;
        buckets: { label: string; amount: string }[];
        total: string;
      };
      expect(report.currency).toBe('USD');
      const expected = independentAging(rows, new Date(`${asOf}T00:00:00Z`));
      for (const b of report.buckets) expect([b.label, cents(b.amount)]).toEqual([b.label, expected.get(b.label) ?? 0]);
      expect(cents(report.total)).toBe([...expected.values()].reduce((s, x) => s + x, 0));
    },
  );

  it('re-importing the same files changes nothing', async () => {
    const before = await credence(['report', 'aging', '--as-of', '2013-07-01', '--format', 'json', '--db', db]);
    for (const kind of ['invoices', 'payments']) {
      const r = await credence([
        'import',
        kind,
        file,
        '--map',
        join(maps, `${kind}.map.json`),
        '--db',
        db,
        '--format',
        'json',
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ created: 0 });
    }
    const after = await credence(['report', 'aging', '--as-of', '2013-07-01', '--format', 'json', '--db', db]);
    expect(after.out).toBe(before.out);
  });

  it('a changed amount on a known invoice is a conflict and nothing of the file is imported', async () => {
    const changed = rows.map((r, i) => (i === 3 ? { ...r, InvoiceAmount: '1.23' } : r));
    const extra = { ...rows[0], invoiceNumber: '999999' } as (typeof rows)[number];
    const conflictFile = join(tmp.dir, 'changed.csv');
    writeFileSync(conflictFile, ibmCsv([...changed, extra]));
    const r = await credence([
      'import',
      'invoices',
      conflictFile,
      '--map',
      join(maps, 'invoices.map.json'),
      '--db',
      db,
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(rows[3]?.invoiceNumber);
    expect(r.err).toMatch(/row 5\b/);
    const show = await credence(['report', 'aging', '--as-of', '2030-01-01', '--format', 'json', '--db', db]);
    expect(show.out).not.toContain('999999');
    const total = JSON.parse(show.out) as { total: string };
    const expected = independentAging(rows, new Date('2030-01-01T00:00:00Z'));
    expect(cents(total.total)).toBe([...expected.values()].reduce((s, x) => s + x, 0));
  });

  it('a bad date is reported with file, row, column and value, and nothing is imported', async () => {
    const bad = rows
      .slice(0, 10)
      .map((r, i) => ({ ...r, invoiceNumber: `B${i}`, ...(i === 6 ? { DueDate: '2/30/2013' } : {}) }));
    const badFile = join(tmp.dir, 'bad.csv');
    writeFileSync(badFile, ibmCsv(bad));
    const r = await credence(['import', 'invoices', badFile, '--map', join(maps, 'invoices.map.json'), '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('bad.csv');
    expect(r.err).toMatch(/row 8\b/);
    expect(r.err).toContain('DueDate');
    expect(r.err).toContain('2/30/2013');
    const b0 = await credence([
      'buyer',
      'show',
      bad[0]?.customerID ?? '',
      '--as-of',
      '2030-01-01',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(b0.out).not.toContain('"B0"');
  });

  it('the mapping files are the documented examples', () => {
    const m = JSON.parse(readFileSync(join(maps, 'payments.map.json'), 'utf8')) as { columns: Record<string, string> };
    expect(m.columns.payment_date).toBe('SettledDate');
  });
});

describe('the same export saved from Excel (real date and number cells)', () => {
  const book = join(tmp.dir, 'Accounts-Receivable.xlsx');
  const xdb = join(tmp.dir, 'xdb');
  const mdy = (s: string) => {
    const [m = 0, d = 0, y = 0] = s.split('/').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  };

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('AR');
    const header = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
    ws.addRow(header);
    for (const r of rows)
      ws.addRow(
        header.map((h) =>
          h.endsWith('Date') ? (r[h] === '' ? null : mdy(r[h])) : h === 'InvoiceAmount' ? Number(r[h]) : r[h],
        ),
      );
    await wb.xlsx.writeFile(book);
  });

  it('imports with the same mapping files (M/D/YYYY) and ages exactly as the CSV does', async () => {
    for (const kind of ['buyers', 'invoices', 'payments']) {
      const r = await credence(['import', kind, book, '--map', join(maps, `${kind}.map.json`), '--db', xdb]);
      expect([r.code, r.err]).toEqual([0, '']);
    }
    for (const asOf of ['2012-06-30', '2013-07-01']) {
      const args = ['report', 'aging', '--as-of', asOf, '--format', 'json', '--db'];
      const fromXlsx = await credence([...args, xdb]);
      expect(fromXlsx.code).toBe(0);
      expect(fromXlsx.out).toBe((await credence([...args, db])).out);
    }
  });
});
