import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { RowSource, SourceRow } from '@credence/app';
import { parse } from 'csv-parse';
import { checkHeader, FileReadError, type ReadOptions } from './file-error';

export interface CsvOptions extends ReadOptions {
  /** Field delimiter; default ','. */
  readonly delimiter?: string;
}

const PROGRESS_EVERY = 5000;

/**
 * Opens a CSV file as a stream of rows: UTF-8 with or without BOM, quoted fields (with "" escapes and
 * line breaks), LF or CRLF. Row numbers are the spreadsheet's (header = 1, blank lines count); blank
 * rows are left out. Memory stays flat: the file is parsed as it is read.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<RowSource> {
  const size = (
    await stat(path).catch(() => {
      throw new FileReadError(path, undefined, 'file not found or not readable');
    })
  ).size;
  const stream = createReadStream(path);
  const parser = stream.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      delimiter: options.delimiter ?? ',',
    }),
  );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const next = async (row: number) => {
    try {
      return await records.next();
    } catch (e) {
      stream.destroy();
      throw new FileReadError(path, row, e instanceof Error ? e.message : String(e));
    }
  };
  const first = await next(1);
  if (first.done) throw new FileReadError(path, 1, 'empty file: no header row');
  const columns = checkHeader(path, first.value);
  async function* rows(): AsyncGenerator<SourceRow> {
    let last = 1;
    let count = 0;
    try {
      for (;;) {
        const n = await next(last + 1);
        if (n.done) break;
        const record = n.value;
        last += 1;
        if (record.every((c) => c.trim() === '')) continue;
        for (let i = columns.length; i < record.length; i++) {
          if ((record[i] ?? '').trim() !== '') {
            throw new FileReadError(path, last, `${record.length} fields but the header has ${columns.length}`);
          }
        }
        const values: Record<string, string> = {};
        for (let i = 0; i < columns.length; i++) values[columns[i] as string] = record[i] ?? '';
        count += 1;
        if (options.onProgress && count % PROGRESS_EVERY === 0) {
          options.onProgress({ done: stream.bytesRead, total: size, rows: count });
        }
        yield { row: last, values };
      }
      options.onProgress?.({ done: size, total: size, rows: count });
    } finally {
      stream.destroy();
    }
  }
  return { file: path, columns, rows: rows() };
}
