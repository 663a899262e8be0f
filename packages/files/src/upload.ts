import type { RowSource } from '@credence/app';
import type { Encoding } from './encoding';
import { type CsvSource, csvFromBytes } from './read-csv';
import { xlsxFromBytes } from './read-xlsx';

/** The media type of an XLSX workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether an upload is an XLSX workbook: its media type says so, or it starts as a zip file does (PK\x03\x04). */
export function isXlsx(bytes: Uint8Array, contentType = ''): boolean {
  if (contentType.toLowerCase().split(';')[0]?.trim() === XLSX_TYPE) return true;
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface UploadOptions {
  /** The request's Content-Type (of the body or of its file part). */
  readonly contentType?: string;
  /** CSV: the encoding, as `--encoding` names it; default a BOM, UTF-8, or detected. */
  readonly encoding?: Encoding;
  /** XLSX: the worksheet; default the first. */
  readonly sheet?: string;
}

/**
 * An uploaded file's rows, read as `credence import` reads the same file: an XLSX workbook (by media type or
 * magic bytes), else CSV in any encoding the CLI reads. Throws `FileReadError` for a file that is not a table.
 */
export function rowsFromUpload(
  file: string,
  bytes: Uint8Array,
  options: UploadOptions = {},
): Promise<RowSource | CsvSource> {
  if (isXlsx(bytes, options.contentType))
    return xlsxFromBytes(file, bytes, options.sheet !== undefined ? { sheet: options.sheet } : {});
  return csvFromBytes(file, bytes, options.encoding !== undefined ? { encoding: options.encoding } : {});
}
