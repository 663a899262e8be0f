/** A CSV field for COPY: `undefined`/`null` is an unquoted empty field (SQL NULL). */
export type CsvValue = string | bigint | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n\\]/;

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  // An empty string must be quoted, or COPY reads it as NULL; `\.` alone would end the data.
  if (v === '' || NEEDS_QUOTES.test(v)) return `"${v.replaceAll('"', '""')}"`;
  return v;
}

/** Rows to CSV text (no header) in chunks of at most `chunkRows` rows, for one COPY each. */
export function* csvChunks<T>(
  rows: readonly T[],
  toFields: (row: T) => readonly CsvValue[],
  chunkRows = 100_000,
): Generator<string> {
  for (let start = 0; start < rows.length; start += chunkRows) {
    const end = Math.min(rows.length, start + chunkRows);
    const lines: string[] = new Array(end - start);
    for (let i = start; i < end; i++) {
      const fields = toFields(rows[i] as T);
      let line = '';
      for (let j = 0; j < fields.length; j++) line += (j === 0 ? '' : ',') + field(fields[j]);
      lines[i - start] = line;
    }
    yield `${lines.join('\n')}\n`;
  }
}
