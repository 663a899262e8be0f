import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { RowSource, SourceRow } from '@credence/app';
import { CsvRecords, CsvSyntaxError } from './csv-records';
import { chooseEncoding, type Encoding, type EncodingChoice, StrictDecoder } from './encoding';
import { checkHeader, FileReadError, type ReadOptions } from './file-error';

export interface CsvOptions extends ReadOptions {
  /** Field delimiter; default: read from the header line (',' unless it has none but ';', TAB or '|'). */
  readonly delimiter?: string;
  /** The file's encoding (`--encoding`); default: a byte-order mark, else UTF-8 if valid, else detected. */
  readonly encoding?: Encoding;
}

/** A CSV file's rows, with how its bytes and fields were read. */
export interface CsvSource extends RowSource {
  readonly encoding: EncodingChoice;
  readonly delimiter: string;
  /** The delimiter was read from the header line, not given. */
  readonly delimiterDetected: boolean;
}

const PROGRESS_EVERY = 5000;
const PIECE_BYTES = 1 << 20;

/** Records in file order; the first is record number `first`. */
interface Batch {
  readonly first: number;
  readonly records: string[][];
}

/** Bytes not valid in the encoding: record (row) and field (1-based) where the first one is. */
class UndecodableError extends Error {
  constructor(
    readonly record: number,
    readonly field: number,
    /** The header, when it was read from the same piece. */
    readonly header: readonly string[] | undefined,
  ) {
    super('undecodable bytes');
  }
}

interface FileRecords {
  readonly batches: AsyncGenerator<Batch>;
  readonly encoding: EncodingChoice;
  readonly records: CsvRecords;
}

/** A file's bytes as they arrive, in pieces of about a megabyte, and how many there are in all. */
interface Bytes {
  readonly size: number;
  readonly pieces: AsyncIterator<Buffer>;
  readonly close: () => void;
}

/** A file on disk, read as a stream. */
function fileBytes(path: string, size: number): Bytes {
  const stream = createReadStream(path, { highWaterMark: PIECE_BYTES });
  return { size, pieces: stream[Symbol.asyncIterator](), close: () => stream.destroy() };
}

/** Bytes already in memory (an upload), handed out in the same pieces as a file's. */
function memoryBytes(bytes: Uint8Array): Bytes {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let at = 0; at < all.length; at += PIECE_BYTES) yield all.subarray(at, at + PIECE_BYTES);
  }
  return { size: all.length, pieces: pieces(), close: () => {} };
}

/**
 * The records of a file as they are read, in pieces of about a megabyte, decoded in the encoding
 * chosen from the first piece (see `chooseEncoding`; a BOM is dropped), each record with its number
 * (the header is 1). Memory stays flat. Bytes not valid in the encoding stop the reading with an
 * `UndecodableError` naming where they are.
 */
async function openRecords(
  path: string,
  options: CsvOptions,
  bytesRead: (n: number) => void,
  bytes: Bytes,
): Promise<FileRecords> {
  const { pieces, size } = bytes;
  const head = await pieces.next();
  const firstPiece = head.done ? Buffer.alloc(0) : (head.value as Buffer);
  const choice = chooseEncoding(firstPiece, firstPiece.length >= size, options.encoding);
  if (choice === undefined) {
    bytes.close();
    throw new FileReadError(path, undefined, 'not UTF-8, and its encoding cannot be told: name it with --encoding');
  }
  const decoder = new StrictDecoder(choice.encoding);
  const records = new CsvRecords(options.delimiter);
  const batch = (end: boolean): Batch => {
    const first = records.records + 1;
    try {
      return { first, records: records.take(end) };
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw new FileReadError(path, e.record, e.message);
      throw e;
    }
  };
  const push = ({ text, bad }: { text: string; bad: number }): void => {
    if (bad < 0) {
      records.push(text);
      return;
    }
    records.push(text.slice(0, bad));
    const before = batch(false);
    const at = records.locate();
    const header = before.first === 1 ? before.records[0]?.map((c) => c.trim()) : undefined;
    throw new UndecodableError(at.record, at.field, header);
  };
  async function* batches(): AsyncGenerator<Batch> {
    let read = 0;
    try {
      for (let next = head; !next.done; next = await pieces.next()) {
        const buffer = next.value as Buffer;
        read += buffer.length;
        bytesRead(read);
        push(decoder.write(buffer));
        yield batch(false);
      }
      push(decoder.end());
      yield batch(true);
    } finally {
      bytes.close();
    }
  }
  return { batches: batches(), encoding: choice, records };
}

/** The message for bytes that are not valid in the encoding the file is read in. */
function undecodable(path: string, e: UndecodableError, choice: EncodingChoice, columns: readonly string[]): Error {
  const column = (e.header ?? columns)[e.field - 1];
  const where = e.record === 1 || column === undefined ? `column ${e.field}` : `column ${column}`;
  const how =
    choice.source === 'explicit'
      ? 'as given'
      : choice.source === 'detected'
        ? 'detected'
        : choice.source === 'bom'
          ? 'from its byte-order mark'
          : 'the file looked like UTF-8 at its start';
  return new FileReadError(
    path,
    e.record,
    `${where}: bytes that are not valid ${choice.encoding} (${how}). ` +
      'Name the encoding the file was saved in with --encoding (docs/import.md#encodings)',
  );
}

/**
 * Opens a CSV file as a stream of rows: UTF-8 with or without BOM, UTF-16 with BOM, or another encoding
 * (given or detected, see `chooseEncoding`), quoted fields (with "" escapes and line breaks), LF, CRLF or
 * CR. Row numbers are the spreadsheet's (header = 1, blank lines count); blank rows are left out. Memory
 * stays flat: the file is parsed as it is read.
 */
export async function openCsv(path: string, options: CsvOptions = {}): Promise<CsvSource> {
  const size = (
    await stat(path).catch(() => {
      throw new FileReadError(path, undefined, 'file not found or not readable');
    })
  ).size;
  return readCsv(path, fileBytes(path, size), options);
}

/** An uploaded CSV file's rows, read exactly as `openCsv` reads the same bytes from disk; `file` names it. */
export function csvFromBytes(file: string, bytes: Uint8Array, options: CsvOptions = {}): Promise<CsvSource> {
  return readCsv(file, memoryBytes(bytes), options);
}

async function readCsv(path: string, source: Bytes, options: CsvOptions): Promise<CsvSource> {
  const { size } = source;
  let bytes = 0;
  const file = await openRecords(
    path,
    options,
    (n) => {
      bytes = n;
    },
    source,
  );
  const { batches, encoding } = file;
  let pending: Batch = { first: 2, records: [] };
  let header: string[] | undefined;
  try {
    while (header === undefined) {
      const b = await batches.next();
      if (b.done) break;
      if (b.value.records.length === 0) continue;
      header = b.value.records[0];
      pending = { first: 2, records: b.value.records.slice(1) };
    }
  } catch (e) {
    if (e instanceof UndecodableError) throw undecodable(path, e, encoding, []);
    throw e;
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
    } catch (e) {
      if (e instanceof UndecodableError) throw undecodable(path, e, encoding, columns);
      throw e;
    } finally {
      await batches.return(undefined);
    }
  }
  const delimiter = file.records.delimiter ?? options.delimiter ?? ',';
  return { file: path, columns, rows: rows(), encoding, delimiter, delimiterDetected: options.delimiter === undefined };
}
