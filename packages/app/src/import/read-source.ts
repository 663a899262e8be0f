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

/** Streams the rows of a file through the field reader and the row parser, collecting values and row errors. */
export async function readSource<T>(
  kind: ImportKind,
  source: RowSource,
  mapping: Mapping | undefined,
  options: ImportOptions,
  parse: (cells: Cells) => T | undefined,
): Promise<ReadResult<T>> {
  const errors = new RowErrors(source.file, options.maxErrors ?? 1000);
  const reader = fieldReader(kind, source.file, source.columns, mapping);
  const items: Parsed<T>[] = [];
  if (!reader.ok) {
    for (const e of reader.error) errors.add(e.row, e.column, e.value, e.code, e.params);
    return { items, rows: 0, skipped: 0, errors, rowError: () => {} };
  }
  const fields = reader.value;
  let rows = 0;
  let skipped = 0;
  const cells = new Cells(fields, {}, 0, errors);
  for await (const r of source.rows) {
    rows += 1;
    if (options.onRow !== undefined && rows % 5000 === 0) options.onRow(rows);
    if (fields.skip(r.values)) {
      skipped += 1;
      continue;
    }
    const value = parse(cells.at(r.values, r.row));
    if (value !== undefined) items.push({ row: r.row, value });
  }
  options.onRow?.(rows);
  return {
    items,
    rows,
    skipped,
    errors,
    rowError: (row, field, value, code, params = {}) =>
      errors.add(row, fields.columnOf(field), value, code, { field, ...params }),
  };
}
