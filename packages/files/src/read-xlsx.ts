import type { RowSource, SourceRow } from '@credence/app';
import type { Workbook } from 'exceljs';
import { cellText } from './excel-values';
import { checkHeader, FileReadError, type ReadOptions } from './file-error';

export interface XlsxOptions extends ReadOptions {
  /** Worksheet name; default the first worksheet. */
  readonly sheet?: string;
}

/**
 * Opens an XLSX workbook's worksheet as rows: header on row 1, row numbers as Excel shows them, empty
 * rows left out. Numbers become exact decimal strings (see `excelNumber`), date cells 'YYYY-MM-DD'.
 * The workbook is loaded whole (ExcelJS), so XLSX suits files up to a few hundred thousand rows; use CSV
 * beyond that.
 */
export async function openXlsx(path: string, options: XlsxOptions = {}): Promise<RowSource> {
  return sheetRows(path, options, (wb) => wb.xlsx.readFile(path));
}

/** An uploaded XLSX workbook's rows, read exactly as `openXlsx` reads the same bytes from disk; `file` names it. */
export function xlsxFromBytes(file: string, bytes: Uint8Array, options: XlsxOptions = {}): Promise<RowSource> {
  // ExcelJS's typings name Node's old Buffer; a Buffer over the same memory is what it reads.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return sheetRows(file, options, (wb) => wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]));
}

async function sheetRows(
  path: string,
  options: XlsxOptions,
  read: (wb: Workbook) => Promise<unknown>,
): Promise<RowSource> {
  const { default: ExcelJS } = await import('exceljs'); // loaded when used: ~0.3 s of start-up otherwise
  const wb = new ExcelJS.Workbook();
  try {
    await read(wb);
  } catch (e) {
    throw new FileReadError(path, undefined, `not a readable XLSX file (${e instanceof Error ? e.message : e})`);
  }
  const ws = options.sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(options.sheet);
  if (ws === undefined) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    throw new FileReadError(path, undefined, `no worksheet ${options.sheet ?? ''} (sheets: ${names || 'none'})`);
  }
  const head = ws.getRow(1);
  const columns = checkHeader(
    path,
    Array.from({ length: head.cellCount }, (_, i) => cellText(head.getCell(i + 1).value)),
  );
  const last = ws.rowCount;
  function* rows(): Generator<SourceRow> {
    let count = 0;
    for (let r = 2; r <= last; r++) {
      const row = ws?.findRow(r);
      if (row === undefined || !row.hasValues) continue;
      const values: Record<string, string> = {};
      let blank = true;
      columns.forEach((c, i) => {
        const text = cellText(row.getCell(i + 1).value);
        if (text.trim() !== '') blank = false;
        values[c] = text;
      });
      if (blank) continue;
      count += 1;
      if (options.onProgress && count % 5000 === 0) options.onProgress({ done: r, total: last, rows: count });
      yield { row: r, values };
    }
    options.onProgress?.({ done: last, total: last, rows: count });
  }
  return { file: path, columns, rows: rows() };
}
