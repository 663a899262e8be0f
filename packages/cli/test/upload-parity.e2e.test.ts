import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { date } from '@credence/core';
import { openStore } from '@credence/db';
import { loadPolicies } from '@credence/runtime';
import { createServer } from '@credence/server';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 12: the same bad file, imported with `credence import` and uploaded to POST /api/v1/imports/{kind}, gets
// the same row errors: both read it with @credence/files and import it with app's importRows. The files are CSV
// in the encodings an ERP writes (Windows-1252, GB18030, UTF-16 with BOM, ';' as delimiter) and XLSX.
const tmp = tempDir('parity');
const db = join(tmp.dir, 'db');
afterAll(() => tmp.cleanup());

const INVOICES = 'document_number;buyer_id;issue_date;due_date;amount;currency\n';
// Row 2 due before issue, row 3 blank (skipped), row 4 an unknown buyer, row 5 too many decimals, row 6 no currency.
const BAD_INVOICES =
  `${INVOICES}Rü-2;B1;2026-06-01;2026-05-01;100,00;EUR\n\n` +
  'Rü-3;NOPE;2026-06-01;2026-07-01;1.00;EUR\nRü-4;B1;2026-06-01;2026-07-01;1.005;EUR\nRü-5;B1;2026-06-01;2026-07-01;5;\n';
const PAYMENTS = 'payment_id,buyer_id,payment_date,amount,currency,document_number\n';
// Row 2 an unknown buyer, row 3 a negative amount, row 4 not a date, row 5 an unknown currency.
const BAD_PAYMENTS =
  `${PAYMENTS}付款-1,无此买方,2026-06-02,10.00,EUR,\n付款-2,B1,2026-06-02,-5.00,EUR,\n` +
  '付款-3,B1,2026-13-40,5.00,EUR,\n付款-4,B1,2026-06-02,5.00,XXX,\n';

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Rechnungen');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface CliErrors {
  readonly errorCount: number;
  readonly errors: readonly { file: string; row: number; column: string; code: string }[];
}

describe('an upload and `credence import` give the same row errors for the same file', () => {
  it('CSV in Windows-1252, GB18030, UTF-16 and XLSX, invoices and payments', async () => {
    const put = (name: string, content: string | Buffer) => {
      const p = join(tmp.dir, name);
      writeFileSync(p, content);
      return p;
    };
    const buyers = put('buyers.csv', 'buyer_id,name,country,currency,payment_terms_days\nB1,Eins,DE,EUR,30\n');
    expect((await credence(['import', 'buyers', buyers, '--db', db])).code).toBe(0);
    const files: [kind: 'invoices' | 'payments', path: string][] = [
      ['invoices', put('latin.csv', iconv.encode(BAD_INVOICES, 'cp1252'))],
      ['invoices', put('utf16.csv', iconv.encode(`\uFEFF${BAD_INVOICES}`, 'utf-16le'))],
      ['payments', put('gb.csv', iconv.encode(BAD_PAYMENTS, 'gb18030'))],
      [
        'invoices',
        put(
          'book.xlsx',
          await xlsx([
            INVOICES.trim().split(';'),
            ['X-1', 'B1', new Date(Date.UTC(2026, 5, 1)), '2026-05-01', 100, 'EUR'],
            ['X-2', 'NOPE', '2026-06-01', '2026-07-01', 0.125, 'EUR'],
            ['X-3', 'B1', 'yesterday', '2026-07-01', 'ten', 'EUR'],
          ]),
        ),
      ],
    ];
    const cli: CliErrors[] = [];
    for (const [kind, path] of files) {
      const r = await credence(['import', kind, path, '--format', 'json', '--db', db]);
      expect([path, r.code]).toEqual([path, 3]);
      cli.push(JSON.parse(r.out) as CliErrors);
    }
    const { limit: limits, ...policies } = await loadPolicies();
    const store = await openStore({ dir: db });
    try {
      const token = 'cr_'.padEnd(46, 'B');
      const app = createServer({
        store,
        clock: { today: () => date('2026-06-30'), now: () => new Date() },
        policies: { ...policies, limits },
        authenticate: async (t) => (t === token ? { user: 'erp', role: 'erp', tokenId: 'tok_1' } : undefined),
      });
      for (const [i, [kind, path]] of files.entries()) {
        const res = await app.request(`/api/v1/imports/${kind}?name=${encodeURIComponent(basename(path))}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
          body: readFileSync(path),
        });
        expect([path, res.status]).toEqual([path, 422]);
        const body = (await res.json()) as { errorCount: number; rowErrors: unknown[] };
        const expected = cli[i] as CliErrors;
        expect(body.errorCount).toBe(expected.errorCount);
        expect(body.rowErrors).toEqual(expected.errors.map(({ file: _, ...e }) => e));
      }
      // Each file has errors of several kinds, all found in both; nothing of them was written.
      expect(await store.findDocuments(['Rü-2', 'Rü-4', 'X-1'])).toEqual([]);
    } finally {
      await store.close();
    }
    const invoiceErrors = [
      '2:amount:invalid_amount',
      '2:due_date:invalid_date',
      '4:buyer_id:unknown_buyer',
      '5:amount:invalid_amount',
      '6:currency:missing_field',
    ];
    expect(cli.map((c) => c.errors.map((e) => `${e.row}:${e.column}:${e.code}`))).toEqual([
      invoiceErrors,
      invoiceErrors,
      [
        '2:buyer_id:unknown_buyer',
        '3:amount:invalid_amount',
        '4:payment_date:invalid_date',
        '5:currency:invalid_currency',
      ],
      ['2:due_date:invalid_date', '3:amount:invalid_amount', '4:issue_date:invalid_date', '4:amount:invalid_amount'],
    ]);
  }, 120_000);
});
