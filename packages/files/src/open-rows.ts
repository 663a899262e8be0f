import type { RowSource } from '@credence/app';
import type { Encoding } from './encoding';
import { FileReadError, type ReadOptions } from './file-error';
import { openArff } from './read-arff';
import { type CsvSource, openCsv } from './read-csv';
import { openXlsx } from './read-xlsx';

export interface OpenOptions extends ReadOptions {
  /** XLSX worksheet name (`--sheet`). */
  readonly sheet?: string;
  /** CSV delimiter; default read from the header line (tab for .tsv). A mapping file can set it. */
  readonly delimiter?: string;
  /** CSV encoding (`--encoding`, or a mapping's `encoding`); default a BOM, UTF-8, or detected. */
  readonly encoding?: Encoding;
}

/** Opens a CSV (.csv, .txt, .tsv), XLSX (.xlsx) or ARFF (.arff) file as rows, chosen by the file's extension. */
export async function openRows(path: string, options: OpenOptions = {}): Promise<RowSource | CsvSource> {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const progress = options.onProgress ? { onProgress: options.onProgress } : {};
  if (ext === 'xlsx') return openXlsx(path, { ...progress, ...(options.sheet ? { sheet: options.sheet } : {}) });
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    const delimiter = options.delimiter ?? (ext === 'tsv' ? '\t' : undefined);
    return openCsv(path, {
      ...progress,
      ...(delimiter !== undefined ? { delimiter } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    });
  }
  if (ext === 'arff') return openArff(path);
  throw new FileReadError(path, undefined, 'unsupported file type: use .csv, .tsv, .txt, .xlsx or .arff');
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ';': "';'", '\t': 'TAB', '|': "'|'" };

/**
 * What the reader decided by itself and the user may want to know (stderr): an encoding other than
 * UTF-8 found by detection, a delimiter other than ',' read from the header line.
 */
export function readingNotes(source: RowSource | CsvSource): string[] {
  if (!('encoding' in source)) return [];
  const notes: string[] = [];
  if (source.encoding.source === 'detected') {
    notes.push(`${source.file}: read as ${source.encoding.encoding} (detected; name another with --encoding)`);
  }
  const d = DELIMITER_NAMES[source.delimiter];
  if (source.delimiterDetected && d !== undefined) {
    notes.push(`${source.file}: fields separated by ${d} (read from the header line)`);
  }
  return notes;
}
