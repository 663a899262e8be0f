import { importRows } from '@credence/app';
import { csvFromBytes, XLSX_TYPE } from '@credence/files';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './fixture';

const HEADER = 'document_number,buyer_id,issue_date,due_date,amount,currency\n';
// Row 2 due before issue, row 3 blank (counted, skipped), row 4 an unknown buyer, row 5 too many decimals.
const BAD =
  `${HEADER}UP-2,B1,2026-06-01,2026-05-01,100.00,EUR\n\n` +
  'UP-3,NOPE,2026-06-01,2026-07-01,1.00,EUR\n"UP-4",B1,2026-06-01,2026-07-01,1.005,EUR\n';

describe('file uploads', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(false);
    const buyers = await importRows(
      s.store,
      'buyers',
      await csvFromBytes(
        'b.csv',
        new TextEncoder().encode('buyer_id,name,country,currency,payment_terms_days\nB1,Eins,DE,EUR,30\n'),
      ),
      undefined,
    );
    if (!buyers.ok) throw new Error(JSON.stringify(buyers.error));
  }, 60_000);
  afterAll(() => s?.close());

  it('reads a CSV as the CLI does: spreadsheet row numbers, blank rows left out, quotes, CR line ends, ; or tab', async () => {
    const rows = async (text: string) => {
      const src = await csvFromBytes('f.csv', new TextEncoder().encode(text));
      const all = [];
      for await (const r of src.rows) all.push(r);
      return { columns: src.columns, rows: all };
    };
    expect(await rows('\uFEFFa;b\r1;"x;\r\ny"\r\r2;3\r')).toEqual({
      columns: ['a', 'b'],
      rows: [
        { row: 2, values: { a: '1', b: 'x;\r\ny' } },
        { row: 4, values: { a: '2', b: '3' } },
      ],
    });
    expect((await rows('a\tb\n1\t2\n')).rows).toEqual([{ row: 2, values: { a: '1', b: '2' } }]);
    await expect(rows('a,b\n1,2,3\n')).rejects.toThrow('row 2: 3 fields but the header has 2');
    await expect(rows('a,a\n')).rejects.toThrow('column "a" appears twice');
  });

  it('takes CSV in Windows-1252, GB18030 and UTF-16, and XLSX (by media type or magic bytes)', async () => {
    const row = (n: string, name: string) => `${n},${name},DE,EUR,30\n`;
    const head = 'buyer_id,name,country,currency,payment_terms_days\n';
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Kunden');
    ws.addRow(head.trim().split(','));
    ws.addRow(['UPX', 'Grüße AG', 'DE', 'EUR', 30]);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const uploads: [string, Uint8Array, string][] = [
      ['?name=w.csv', iconv.encode(head + row('UPW', 'Müller GmbH'), 'cp1252'), 'text/csv'],
      ['?name=g.csv', iconv.encode(head + row('UPG', '上海宏达贸易有限公司'), 'gb18030'), 'text/csv'],
      ['?name=u.csv', iconv.encode(`\uFEFF${head}${row('UPU', 'Ελλάς')}`, 'utf-16le'), 'text/csv'],
      ['?name=k.xlsx', xlsx, 'application/octet-stream'],
      ['?name=k2.xlsx', xlsx, XLSX_TYPE],
    ];
    for (const [query, bytes, type] of uploads) {
      const res = await s.call('erp', 'POST', `/api/v1/imports/buyers${query}`, bytes, type);
      expect([query, res.status, res.status === 200 ? '' : await res.text()]).toEqual([query, 200, '']);
    }
    const names = Object.fromEntries(
      (await s.store.findBuyers(['UPW', 'UPG', 'UPU', 'UPX'])).map((b) => [b.id, b.name]),
    );
    expect(names).toEqual({ UPW: 'Müller GmbH', UPG: '上海宏达贸易有限公司', UPU: 'Ελλάς', UPX: 'Grüße AG' });
    const bad = await s.call(
      'erp',
      'POST',
      '/api/v1/imports/buyers?name=bad.csv&encoding=utf-8',
      iconv.encode(head + row('UPB', 'Müller'), 'cp1252'),
      'text/csv',
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(
      /^bad\.csv, row 2: column name: bytes that are not valid utf-8/,
    );
  });

  it('answers the row errors of `credence import` (importRows on the same rows), and writes nothing', async () => {
    const res = await s.call('erp', 'POST', '/api/v1/imports/invoices?name=june.csv', BAD, 'text/csv');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errorCount: number; rowErrors: { row: number; code: string }[] };
    const direct = await importRows(
      s.store,
      'invoices',
      await csvFromBytes('june.csv', new TextEncoder().encode(BAD)),
      undefined,
    );
    if (direct.ok) throw new Error('the file should be rejected');
    expect(body.errorCount).toBe(direct.error.errorCount);
    expect(body.rowErrors).toEqual(direct.error.errors.map(({ file: _, ...e }) => e));
    expect(body.rowErrors.map((e) => [e.row, e.code])).toEqual([
      [2, 'invalid_date'],
      [4, 'unknown_buyer'],
      [5, 'invalid_amount'],
    ]);
    expect(await s.store.findDocuments(['UP-2', 'UP-3', 'UP-4'])).toEqual([]);
  });

  it('records an accepted file for the caller, with the file name as the source', async () => {
    const res = await s.call(
      'erp',
      'POST',
      '/api/v1/imports/invoices?name=june.csv',
      `${HEADER}UP-9,B1,2026-06-01,2026-07-01,10.00,EUR\n`,
      'text/csv',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'invoices', file: 'june.csv', rows: 1, created: 1 });
    const [d] = await s.store.findDocuments(['UP-9']);
    expect(d?.recorded).toMatchObject({ recordedBy: 'user-erp', source: 'june.csv' });
  });
});
