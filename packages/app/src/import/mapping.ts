import { type Failure, ok, type Result } from '@credence/core';
import { FIELDS } from './fields';
import type { ImportKind } from './source';

export type SkipCondition = 'empty' | 'not_empty' | { readonly equals: string };

/**
 * How a foreign export's columns feed our fields (docs/import.md). `columns`: our field → their column
 * (one of their columns may feed several fields); `defaults`: value when the field is unmapped or its
 * cell is empty; `translate`: their value → ours per field; `skipIf`: rows to leave out.
 */
export interface Mapping {
  readonly columns: Readonly<Record<string, string>>;
  readonly dateFormat?: string;
  readonly defaults: Readonly<Record<string, string>>;
  readonly translate: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly skipIf: Readonly<Record<string, SkipCondition>>;
  readonly decimalSeparator: '.' | ',';
  readonly thousandsSeparator: string;
  /** CSV field delimiter, used by the file reader (default ','). */
  readonly delimiter?: string;
  /** CSV file encoding, a name the file reader checks and uses (default: detected). */
  readonly encoding?: string;
}

const KEYS = [
  'columns',
  'dateFormat',
  'defaults',
  'translate',
  'skipIf',
  'decimalSeparator',
  'thousandsSeparator',
  'delimiter',
  'encoding',
  'description',
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringMap(v: unknown, at: string, problems: Failure[]): Record<string, string> {
  if (v === undefined) return {};
  if (!isObject(v)) {
    problems.push({ code: 'invalid_field', params: { field: at, reason: 'not_an_object' } });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string') out[k] = x;
    else problems.push({ code: 'invalid_field', params: { field: `${at}.${k}`, reason: 'not_a_string' } });
  }
  return out;
}

function skipConditions(v: unknown, problems: Failure[]): Record<string, SkipCondition> {
  if (v === undefined) return {};
  if (!isObject(v)) {
    problems.push({ code: 'invalid_field', params: { field: 'skipIf', reason: 'not_an_object' } });
    return {};
  }
  const out: Record<string, SkipCondition> = {};
  for (const [k, c] of Object.entries(v)) {
    if (c === 'empty' || c === 'not_empty') out[k] = c;
    else if (isObject(c) && typeof c.equals === 'string' && Object.keys(c).length === 1) out[k] = { equals: c.equals };
    else problems.push({ code: 'invalid_field', params: { field: `skipIf.${k}`, reason: 'bad_condition' } });
  }
  return out;
}

const validDateFormat = (f: string): boolean => /Y/.test(f) && /M/.test(f) && /D/.test(f);

/** Validates a parsed mapping file for one kind of import; lists every problem found. */
export function parseMapping(json: unknown, kind: ImportKind): Result<Mapping, Failure[]> {
  if (!isObject(json)) return { ok: false, error: [{ code: 'invalid_field', params: { reason: 'not_an_object' } }] };
  const problems: Failure[] = [];
  for (const k of Object.keys(json)) {
    if (!KEYS.includes(k)) problems.push({ code: 'invalid_field', params: { field: k, reason: 'unknown_key' } });
  }
  const columns = stringMap(json.columns, 'columns', problems);
  const defaults = stringMap(json.defaults, 'defaults', problems);
  const translate: Record<string, Record<string, string>> = {};
  if (json.translate !== undefined && !isObject(json.translate)) {
    problems.push({ code: 'invalid_field', params: { field: 'translate', reason: 'not_an_object' } });
  } else if (json.translate !== undefined) {
    for (const [k, v] of Object.entries(json.translate)) translate[k] = stringMap(v, `translate.${k}`, problems);
  }
  const skipIf = skipConditions(json.skipIf, problems);
  const known = FIELDS[kind].map((f) => f.name);
  for (const [section, fields] of [
    ['columns', Object.keys(columns)],
    ['defaults', Object.keys(defaults)],
    ['translate', Object.keys(translate)],
    ['skipIf', Object.keys(skipIf)],
  ] as const) {
    for (const f of fields) {
      if (!known.includes(f)) {
        problems.push({ code: 'invalid_field', params: { field: `${section}.${f}`, reason: 'unknown_field', kind } });
      }
    }
  }
  for (const f of FIELDS[kind]) {
    if (f.required && columns[f.name] === undefined && defaults[f.name] === undefined) {
      problems.push({ code: 'missing_field', params: { field: f.name, kind } });
    }
  }
  const scalar = (key: string, check: (s: string) => boolean): string | undefined => {
    const v = json[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && check(v)) return v;
    problems.push({ code: 'invalid_field', params: { field: key, reason: 'bad_value' } });
    return undefined;
  };
  const dateFormat = scalar('dateFormat', validDateFormat);
  const decimalSeparator = scalar('decimalSeparator', (s) => s === '.' || s === ',') as '.' | ',' | undefined;
  const thousandsSeparator = scalar('thousandsSeparator', (s) => s.length <= 1 && !/[0-9]/.test(s)) ?? '';
  const delimiter = scalar('delimiter', (s) => s.length === 1 && s !== '"');
  const encoding = scalar('encoding', (s) => /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(s));
  if (thousandsSeparator !== '' && thousandsSeparator === (decimalSeparator ?? '.')) {
    problems.push({ code: 'invalid_field', params: { field: 'thousandsSeparator', reason: 'same_as_decimal' } });
  }
  if (problems.length > 0) return { ok: false, error: problems };
  return ok({
    columns,
    ...(dateFormat !== undefined ? { dateFormat } : {}),
    defaults,
    translate,
    skipIf,
    decimalSeparator: decimalSeparator ?? '.',
    thousandsSeparator,
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
  });
}
