import { importRows } from '@credence/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows } from '../src/csv-upload';
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
      csvRows(
        'b.csv',
        new TextEncoder().encode('buyer_id,name,country,currency,payment_terms_days\nB1,Eins,DE,EUR,30\n'),
      ),
      undefined,
    );
    if (!buyers.ok) throw new Error(JSON.stringify(buyers.error));
  }, 60_000);
  afterAll(() => s?.close());

  it('reads a CSV as the CLI does: spreadsheet row numbers, blank rows left out, quotes, CR line ends, ; or tab', () => {
    const rows = (text: string) => {
      const src = csvRows('f.csv', new TextEncoder().encode(text));
      return { columns: src.columns, rows: [...(src.rows as Iterable<unknown>)] };
    };
    expect(rows('\uFEFFa;b\r1;"x;\r\ny"\r\r2;3\r')).toEqual({
      columns: ['a', 'b'],
      rows: [
        { row: 2, values: { a: '1', b: 'x;\r\ny' } },
        { row: 4, values: { a: '2', b: '3' } },
      ],
    });
    expect(rows('a\tb\n1\t2\n').rows).toEqual([{ row: 2, values: { a: '1', b: '2' } }]);
    expect(() => rows('a,b\n1,2,3\n')).toThrow('row 2: 3 fields but the header has 2');
    expect(() => rows('a,a\n')).toThrow('column "a" appears twice');
    expect(() => csvRows('f.csv', new Uint8Array([0x61, 0xff, 0x0a]))).toThrow(/not UTF-8/);
  });

  it('answers the row errors of `credence import` (importRows on the same rows), and writes nothing', async () => {
    const res = await s.call('erp', 'POST', '/api/v1/imports/invoices?name=june.csv', BAD, 'text/csv');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errorCount: number; rowErrors: { row: number; code: string }[] };
    const direct = await importRows(s.store, 'invoices', csvRows('june.csv', new TextEncoder().encode(BAD)), undefined);
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
