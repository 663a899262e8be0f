import type { RowSource } from '@credence/app';
import { FileReadError, type ReadOptions } from './file-error';
import { openArff } from './read-arff';
import { openCsv } from './read-csv';
import { openXlsx } from './read-xlsx';

export interface OpenOptions extends ReadOptions {
  /** XLSX worksheet name (`--sheet`). */
  readonly sheet?: string;
  /** CSV delimiter; default ',' (tab for .tsv). A mapping file can set it. */
  readonly delimiter?: string;
}

/** Opens a CSV (.csv, .txt, .tsv), XLSX (.xlsx) or ARFF (.arff) file as rows, chosen by the file's extension. */
export async function openRows(path: string, options: OpenOptions = {}): Promise<RowSource> {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const progress = options.onProgress ? { onProgress: options.onProgress } : {};
  if (ext === 'xlsx') return openXlsx(path, { ...progress, ...(options.sheet ? { sheet: options.sheet } : {}) });
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    const delimiter = options.delimiter ?? (ext === 'tsv' ? '\t' : ',');
    return openCsv(path, { ...progress, delimiter });
  }
  if (ext === 'arff') return openArff(path);
  throw new FileReadError(path, undefined, 'unsupported file type: use .csv, .tsv, .txt, .xlsx or .arff');
}
