import type { RowSource, SourceRow } from '@credence/app';
import { parse } from 'csv-parse/sync';

/** An uploaded file that cannot be read as a table (not UTF-8, malformed CSV, a bad header, a row too wide). */
export class UploadReadError extends Error {
  constructor(
    readonly row: number | undefined,
    readonly reason: string,
  ) {
    super(`${row === undefined ? '' : `row ${row}: `}${reason}`);
  }
}

const CANDIDATES = [';', '\t', '|'] as const;

/**
 * The field delimiter of a header line, as the CLI reads a file (docs/import.md): ',' whenever the header holds
 * a comma outside quotes (or no candidate at all); else the one of ';', TAB, '|' it holds most often, if clear.
 */
export function headerDelimiter(header: string): string {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const c of header) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if ((counts.get(',') ?? 0) > 0) return ',';
  const ranked = CANDIDATES.map((c) => [c, counts.get(c) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best === undefined || best[1] === 0 || best[1] === second?.[1]) return ',';
  return best[0];
}

/** Header cells: trimmed, trailing empty ones dropped, none empty or repeated (as the CLI checks them). */
function checkHeader(cells: readonly string[]): string[] {
  const header = cells.map((c) => c.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) throw new UploadReadError(1, 'no header row');
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '') throw new UploadReadError(1, `column ${i + 1} has no name`);
    if (seen.has(h)) throw new UploadReadError(1, `column "${h}" appears twice`);
    seen.add(h);
  });
  return header;
}

/**
 * The rows of an uploaded CSV file, read as `credence import` reads one: UTF-8 (a BOM is dropped), quoted fields
 * with "" escapes and line breaks, LF, CRLF or CR, the delimiter read from the header line. Row numbers are the
 * spreadsheet's (header = 1, blank lines count, a quoted line break does not start a row); blank rows are left
 * out. Throws `UploadReadError` for a file that cannot be read as a table.
 */
export function csvRows(file: string, bytes: Uint8Array): RowSource {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UploadReadError(undefined, 'not UTF-8: save the file as UTF-8 (or import it with `credence import`)');
  }
  const firstBreak = text.search(/\r|\n/);
  const delimiter = headerDelimiter(firstBreak < 0 ? text : text.slice(0, firstBreak));
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new UploadReadError(line, `not a CSV file: ${(e as Error).message}`);
  }
  const [head, ...body] = records;
  if (head === undefined) throw new UploadReadError(1, 'empty file: no header row');
  const columns = checkHeader(head);
  const width = columns.length;
  const rows: SourceRow[] = [];
  body.forEach((record, i) => {
    const n = i + 2;
    if (record.every((c) => c.trim() === '')) return;
    for (let k = width; k < record.length; k++)
      if ((record[k] ?? '').trim() !== '')
        throw new UploadReadError(n, `${record.length} fields but the header has ${width}`);
    const values: Record<string, string> = {};
    for (let k = 0; k < width; k++) values[columns[k] as string] = record[k] ?? '';
    rows.push({ row: n, values });
  });
  return { file, columns, rows };
}
