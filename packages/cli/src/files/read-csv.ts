import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { RowSource, SourceRow } from '@credence/app';
import { CsvRecords, CsvSyntaxError } from './csv-records';
import { checkHeader, FileReadError, type ReadOptions } from './file-error';

export interface CsvOptions extends ReadOptions {
  /** Field delimiter; default ','. */
  readonly delimiter?: string;
}

const PROGRESS_EVERY = 5000;
const PIECE_BYTES = 1 << 20;

/** Records in file order; the first is record number `first`. */
interface Batch {
  readonly first: number;
  readonly records: string[][];
}

/**
 * The records of a file as they are read, in pieces of about a megabyte: UTF-8 (a BOM is dropped),
 * each record with its number (the header is 1). Memory stays flat.
 */
async function* fileRecords(path: string, delimiter: string, bytesRead: (n: number) => void): AsyncGenerator<Batch> {
  const stream = createReadStream(path, { highWaterMark: PIECE_BYTES });
  const decoder = new StringDecoder('utf8');
  const records = new CsvRecords(delimiter);
  let first = true;
  let read = 0;
  const batch = (end: boolean): Batch => {
    const first = records.records + 1;
    try {
      return { first, records: records.take(end) };
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw new FileReadError(path, e.record, e.message);
      throw e;
    }
  };
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      read += buffer.length;
      bytesRead(read);
      let text = decoder.write(buffer);
      if (first && text !== '') {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      records.push(text);
      yield batch(false);
    }
    records.push(decoder.end());
    yield batch(true);
  } finally {
    stream.destroy();
  }
}

/**
 * Opens a CSV file as a stream of rows: UTF-8 with or without BOM, quoted fields (with "" escapes and
 * line breaks), LF, CRLF or CR. Row numbers are the spreadsheet's (header = 1, blank lines count); blank
 * rows are left out. Memory stays flat: the file is parsed as it is read.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<RowSource> {
  const size = (
    await stat(path).catch(() => {
      throw new FileReadError(path, undefined, 'file not found or not readable');
    })
  ).size;
  let bytes = 0;
  const batches = fileRecords(path, options.delimiter ?? ',', (n) => {
    bytes = n;
  });
  let pending: Batch = { first: 2, records: [] };
  let header: string[] | undefined;
  while (header === undefined) {
    const b = await batches.next();
    if (b.done) break;
    if (b.value.records.length === 0) continue;
    header = b.value.records[0];
    pending = { first: 2, records: b.value.records.slice(1) };
  }
  if (header === undefined) throw new FileReadError(path, 1, 'empty file: no header row');
  const columns = checkHeader(path, header);
  const width = columns.length;
  function toRow(n: number, record: string[]): SourceRow | undefined {
    let blank = true;
    for (const c of record) {
      if (c.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return undefined;
    for (let i = width; i < record.length; i++) {
      if ((record[i] ?? '').trim() !== '') {
        throw new FileReadError(path, n, `${record.length} fields but the header has ${width}`);
      }
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < width; i++) values[columns[i] as string] = record[i] ?? '';
    return { row: n, values };
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    let count = 0;
    try {
      for (let b: Batch | undefined = pending; b !== undefined; ) {
        const { first, records } = b;
        for (let i = 0; i < records.length; i++) {
          const row = toRow(first + i, records[i] as string[]);
          if (row === undefined) continue;
          count += 1;
          if (options.onProgress && count % PROGRESS_EVERY === 0) {
            options.onProgress({ done: bytes, total: size, rows: count });
          }
          yield row;
        }
        const next = await batches.next();
        b = next.done ? undefined : next.value;
      }
      options.onProgress?.({ done: size, total: size, rows: count });
    } finally {
      await batches.return(undefined);
    }
  }
  return { file: path, columns, rows: rows() };
}
