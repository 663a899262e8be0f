import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRows } from './open-rows';
import { collect, testDir } from './test-dir';

const dir = testDir('xlsx');
const file = dir.path('book.xlsx');
afterAll(() => dir.cleanup());

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['this sheet is not the data']);
  const inv = wb.addWorksheet('Invoices');
  inv.addRow(['document_number', 'issue_date', 'amount', 'currency']);
  inv.addRow(['INV-1', new Date(Date.UTC(2024, 1, 29)), 0.1 + 0.2, 'EUR']);
  inv.addRow([611365, new Date(Date.UTC(2013, 0, 2)), 1234567.89, 'USD']);
  inv.getCell('C3').numFmt = '#,##0.00';
  inv.addRow([]);
  inv.addRow(['INV-3', '2024-03-01', { formula: 'C2*2', result: 0.6000000000000001 }, 'EUR']);
  inv.getColumn(2).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(file);
});

describe('openXlsx', () => {
  it('reads the named sheet: exact decimals, ISO dates, Excel row numbers, empty rows left out', async () => {
    const src = await openRows(file, { sheet: 'Invoices' });
    expect(src.columns).toEqual(['document_number', 'issue_date', 'amount', 'currency']);
    expect(await collect(src.rows)).toEqual([
      { row: 2, values: { document_number: 'INV-1', issue_date: '2024-02-29', amount: '0.3', currency: 'EUR' } },
      {
        row: 3,
        values: { document_number: '611365', issue_date: '2013-01-02', amount: '1234567.89', currency: 'USD' },
      },
      { row: 5, values: { document_number: 'INV-3', issue_date: '2024-03-01', amount: '0.6', currency: 'EUR' } },
    ]);
  });

  it('takes the first sheet by default and names the sheets when one is missing', async () => {
    expect((await openRows(file)).columns).toEqual(['this sheet is not the data']);
    await expect(openRows(file, { sheet: 'Payments' })).rejects.toThrow(/sheets: Notes, Invoices/);
  });
});
