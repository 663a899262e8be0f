import type { ErrorCode } from '@credence/core';
import { Cells } from './cells';
import { fieldReader } from './columns';
import { RowErrors } from './errors';
import type { Mapping } from './mapping';
import type { ImportKind, ImportOptions, RowSource } from './source';

export interface Parsed<T> {
  readonly row: number;
  readonly value: T;
}

export interface ReadResult<T> {
  readonly items: Parsed<T>[];
  readonly rows: number;
  readonly skipped: number;
  readonly errors: RowErrors;
  /** Records an error found after reading (unknown buyer, conflict) on a row's field. */
  readonly rowError: (
    row: number,
    field: string,
    value: string,
    code: ErrorCode,
    params?: Readonly<Record<string, string | number>>,
  ) => void;
}

/** A file read part by part: `parts` yields the parsed rows in file order; the counts are final once it is done. */
export interface StreamedSource<T> extends Omit<ReadResult<T>, 'items' | 'rows' | 'skipped'> {
  readonly parts: AsyncGenerator<Parsed<T>[]>;
  /** Data rows read so far, and those left out by the mapping's `skipIf`. */
  counts(): { readonly rows: number; readonly skipped: number };
}

/**
 * Streams the rows of a file through the field reader and the row parser in parts of `partRows` parsed
 * rows (rows with errors are left out of the parts and recorded in `errors`), so a big file is never held whole.
 */
export function streamSource<T>(
  kind: ImportKind,
  source: RowSource,
  mapping: Mapping | undefined,
  options: ImportOptions,
  parse: (cells: Cells) => T | undefined,
  partRows: number,
): StreamedSource<T> {
  const errors = new RowErrors(source.file, options.maxErrors ?? 1000);
  const reader = fieldReader(kind, source.file, source.columns, mapping);
  let rows = 0;
  let skipped = 0;
  async function* parts(): AsyncGenerator<Parsed<T>[]> {
    if (!reader.ok) {
      for (const e of reader.error) errors.add(e.row, e.column, e.value, e.code, e.params);
      return;
    }
    const fields = reader.value;
    const cells = new Cells(fields, {}, 0, errors);
    let part: Parsed<T>[] = [];
    for await (const r of source.rows) {
      rows += 1;
      if (options.onRow !== undefined && rows % 5000 === 0) options.onRow(rows);
      if (fields.skip(r.values)) {
        skipped += 1;
        continue;
      }
      const value = parse(cells.at(r.values, r.row));
      if (value === undefined) continue;
      part.push({ row: r.row, value });
      if (part.length >= partRows) {
        yield part;
        part = [];
      }
    }
    options.onRow?.(rows);
    if (part.length > 0) yield part;
  }
  return {
    parts: parts(),
    counts: () => ({ rows, skipped }),
    errors,
    rowError: (row, field, value, code, params = {}) =>
      errors.add(row, reader.ok ? reader.value.columnOf(field) : field, value, code, { field, ...params }),
  };
}

/** Reads the rows of a file through the field reader and the row parser, collecting values and row errors. */
export async function readSource<T>(
  kind: ImportKind,
  source: RowSource,
  mapping: Mapping | undefined,
  options: ImportOptions,
  parse: (cells: Cells) => T | undefined,
): Promise<ReadResult<T>> {
  const stream = streamSource(kind, source, mapping, options, parse, Number.POSITIVE_INFINITY);
  let items: Parsed<T>[] = [];
  for await (const part of stream.parts) items = items.length === 0 ? part : items.concat(part);
  return { items, ...stream.counts(), errors: stream.errors, rowError: stream.rowError };
}
