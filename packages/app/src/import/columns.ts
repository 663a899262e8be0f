import { FIELDS, NUMBER_FIELDS } from './fields';
import type { Mapping } from './mapping';
import type { ImportKind, RowError } from './source';

/** A field's value in one row and where it came from (their column name, or `defaults.<field>`). */
export interface Cell {
  readonly value: string;
  readonly column: string;
}

/** Reads our fields out of a file's rows, canonical (header = our field names) or through a mapping. */
export interface FieldReader {
  readonly dateFormat: string | undefined;
  /** The file's column a field is read from (`defaults.<field>` when only defaulted). */
  columnOf(field: string): string;
  get(values: Readonly<Record<string, string>>, field: string): Cell;
  /** `get(values, field).value` without building the cell (the per-row hot path). */
  value(values: Readonly<Record<string, string>>, field: string): string;
  skip(values: Readonly<Record<string, string>>): boolean;
}

/**
 * Checks the header against what the import needs and returns the field reader. Problems are reported
 * on row 1 (the header): a required canonical column or a mapped column missing from the file.
 */
export function fieldReader(
  kind: ImportKind,
  file: string,
  header: readonly string[],
  mapping?: Mapping,
): { ok: true; value: FieldReader } | { ok: false; error: RowError[] } {
  const present = new Set(header);
  const problems: RowError[] = [];
  const missing = (column: string, field: string) =>
    problems.push({ file, row: 1, column, value: '', code: 'missing_field', params: { column, field } });
  if (mapping === undefined) {
    if (!FIELDS[kind].some((f) => present.has(f.name)))
      return { ok: false, error: [noKnownColumns(kind, file, header)] };
    for (const f of FIELDS[kind]) if (f.required && !present.has(f.name)) missing(f.name, f.name);
    if (problems.length > 0) return { ok: false, error: problems };
    return { ok: true, value: canonicalReader() };
  }
  for (const [field, column] of Object.entries(mapping.columns)) if (!present.has(column)) missing(column, field);
  if (problems.length > 0) return { ok: false, error: problems };
  return { ok: true, value: mappedReader(mapping) };
}

/**
 * A header with none of the import's columns: most likely another system's export (or a delimiter
 * that was not recognised). One error on row 1 listing what is expected, instead of one per column.
 */
function noKnownColumns(kind: ImportKind, file: string, header: readonly string[]): RowError {
  const names = (required: boolean) =>
    FIELDS[kind]
      .filter((f) => f.required === required)
      .map((f) => f.name)
      .join('|');
  return {
    file,
    row: 1,
    column: '',
    value: '',
    code: 'missing_field',
    params: { reason: 'no_known_columns', header: header.join('|'), required: names(true), optional: names(false) },
  };
}

function canonicalReader(): FieldReader {
  return {
    dateFormat: undefined,
    columnOf: (field) => field,
    get: (values, field) => ({ value: (values[field] ?? '').trim(), column: field }),
    value: (values, field) => (values[field] ?? '').trim(),
    skip: () => false,
  };
}

function normalizeNumber(text: string, m: Mapping): string {
  let s = text;
  if (m.thousandsSeparator !== '') s = s.split(m.thousandsSeparator).join('');
  if (m.decimalSeparator === ',') s = s.replace(',', '.');
  return s;
}

function mappedReader(m: Mapping): FieldReader {
  const get = (values: Readonly<Record<string, string>>, field: string): Cell => {
    const column = m.columns[field];
    let value = column === undefined ? '' : (values[column] ?? '').trim();
    const tr = m.translate[field];
    if (tr !== undefined && Object.hasOwn(tr, value)) value = (tr[value] ?? '').trim();
    if (value === '' && m.defaults[field] !== undefined) {
      return { value: m.defaults[field] ?? '', column: column ?? `defaults.${field}` };
    }
    if (NUMBER_FIELDS.has(field) && value !== '') value = normalizeNumber(value, m);
    return { value, column: column ?? `defaults.${field}` };
  };
  const conditions = Object.entries(m.skipIf);
  return {
    dateFormat: m.dateFormat,
    columnOf: (field) => m.columns[field] ?? `defaults.${field}`,
    get,
    value: (values, field) => get(values, field).value,
    skip: (values) =>
      conditions.some(([field, c]) => {
        const column = m.columns[field];
        const raw = column === undefined ? '' : (values[column] ?? '').trim();
        if (c === 'empty') return raw === '';
        if (c === 'not_empty') return raw !== '';
        return raw === c.equals;
      }),
  };
}
