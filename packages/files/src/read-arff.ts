import { readFile } from 'node:fs/promises';
import type { RowSource, SourceRow } from '@credence/app';
import { checkHeader, FileReadError } from './file-error';

/** `@attribute name type`, the name bare or quoted. */
const ATTRIBUTE = /^@attribute\s+(?:'([^']*)'|"([^"]*)"|(\S+))\s+(.+)$/i;

/**
 * Opens a Weka ARFF file (dense data, as the UCI Polish bankruptcy files) as rows: the attributes are
 * the columns, each `@data` line a row numbered by its line in the file; `?` stays as it is (missing).
 * Sparse rows (`{…}`) and quoted values with commas are refused with the line.
 */
export async function openArff(path: string): Promise<RowSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new FileReadError(path, undefined, e instanceof Error ? e.message : String(e));
  }
  const lines = text.split(/\r?\n/);
  const names: string[] = [];
  let data = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || t.startsWith('%')) continue;
    if (/^@data\b/i.test(t)) {
      data = i + 1;
      break;
    }
    const m = ATTRIBUTE.exec(t);
    if (m) names.push(m[1] ?? m[2] ?? m[3] ?? '');
    else if (!/^@relation\b/i.test(t))
      throw new FileReadError(path, i + 1, `not an ARFF header line: ${t.slice(0, 60)}`);
  }
  if (data < 0) throw new FileReadError(path, undefined, 'no @data section');
  const columns = checkHeader(path, names);
  const rows: SourceRow[] = [];
  for (let i = data; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '' || t.startsWith('%')) continue;
    if (t.startsWith('{') || t.includes("'") || t.includes('"'))
      throw new FileReadError(path, i + 1, 'sparse or quoted ARFF rows are not supported');
    const cells = t.split(',');
    if (cells.length !== columns.length)
      throw new FileReadError(path, i + 1, `${cells.length} values for ${columns.length} attributes`);
    const values: Record<string, string> = {};
    columns.forEach((c, k) => {
      values[c] = (cells[k] ?? '').trim();
    });
    rows.push({ row: i + 1, values });
  }
  return { file: path, columns, rows };
}
