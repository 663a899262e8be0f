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

/**
 * Rows to CSV text (no header), lazily, `partRows` rows per string, so a COPY to a server can
 * stream while the next part is built.
 */
export function* csvParts<T>(
  rows: readonly T[],
  toFields: (row: T) => readonly CsvValue[],
  partRows = 10_000,
): Generator<string> {
  for (let start = 0; start < rows.length; start += partRows) {
    const end = Math.min(rows.length, start + partRows);
    const lines: string[] = new Array(end - start + 1);
    for (let i = start; i < end; i++)
      lines[i - start] = toFields(rows[i] as T)
        .map(field)
        .join(',');
    lines[end - start] = '';
    yield lines.join('\n');
  }
}

/** One column of a COPY and its value in a row. */
export type CopyField<T> = readonly [column: string, value: (row: T) => CsvValue];

/**
 * A table's COPY layout declared once, column beside value, so the column list and the row can never disagree;
 * `extra` columns (e.g. the attribution, the same for every row of a write) follow the row's own.
 */
export function copyLayout<T>(fields: readonly CopyField<T>[]) {
  const columns = fields.map(([c]) => c);
  const values = fields.map(([, v]) => v);
  return {
    columns: (...extra: readonly string[]): readonly string[] => [...columns, ...extra],
    // One array per row (a million rows on a bulk load): no intermediate map and spread.
    row: (r: T, extra: readonly CsvValue[] = []): CsvValue[] => {
      const out: CsvValue[] = new Array(values.length + extra.length);
      for (let i = 0; i < values.length; i++) out[i] = (values[i] as (row: T) => CsvValue)(r);
      for (let i = 0; i < extra.length; i++) out[values.length + i] = extra[i];
      return out;
    },
  };
}
