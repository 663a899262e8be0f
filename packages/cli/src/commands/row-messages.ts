import type { RowError } from '@credence/app';
import type { Failure } from '@credence/core';

const REASONS: Readonly<Record<string, string>> = {
  not_positive: 'must be greater than zero',
  too_many_decimals: 'more decimals than the currency has',
  due_before_issue: 'due date is before the issue date',
  email: 'not an e-mail address',
  not_a_country_code: 'not an ISO 3166 country code (2 or 3 letters)',
  not_days: 'not a whole number of days',
  not_a_year: 'not a year (four digits)',
  insurer_grade: 'an insurer grade is a whole number from 1 to 10',
  bureau_score: 'a bureau score is a whole number from 0 to 100',
  not_in_fiscal_year: 'not in the fiscal year or the one after',
  unit: 'the unit must be 1, 1000 or 1000000',
  no_lines: 'no statement line is filled in',
  not_a_number: 'not a number',
  label_not_0_or_1: 'the label must be 0 or 1',
  other_columns: 'has other columns than the first file',
  one_outcome_only: 'the labels must include both 0 and 1',
  same_currency: 'from and to currency are the same',
  unknown_field: 'not a field of this import',
  unknown_key: 'unknown key',
  not_an_object: 'must be a JSON object',
  not_a_string: 'must be a string',
  bad_condition: 'must be "empty", "not_empty" or {"equals": "…"}',
  bad_value: 'invalid value',
  same_as_decimal: 'same as the decimal separator',
  not_json: 'not valid JSON',
  only_on_credit_notes: 'only a credit note can apply to an invoice',
  not_an_invoice: 'names a credit note, not an invoice',
  other_buyer: "names another buyer's document",
  unprintable: 'contains control or invisible characters',
  path_separator: 'an id may not contain / or \\',
  dot_name: 'an id may not be . or ..',
  surrounding_space: 'an id may not start or end with a space',
  not_a_risk_class: 'not a country risk class (0 to 7)',
  conflicting_row: 'another row gives this country and date a different class or source',
};

/** "longer than 200 characters" (or "a line longer than 500 characters" for an address). */
const tooLong = (p: Readonly<Record<string, string | number>>) =>
  `${p.per === 'line' ? 'a line is ' : ''}longer than ${p.max} characters`;

/** Why a row was rejected, in words; the code and parameters stay in `--format json`. */
export function rowReason(e: Pick<RowError, 'code' | 'params'>): string {
  const p = e.params;
  const why = typeof p.reason === 'string' ? (REASONS[p.reason] ?? p.reason) : undefined;
  switch (e.code) {
    case 'invalid_amount':
      return (
        why ??
        (p.decimals !== undefined
          ? `more than ${p.decimals} decimals`
          : 'not an amount (digits with an optional decimal point)')
      );
    case 'invalid_currency':
      return 'unknown currency (ISO 4217 code expected)';
    case 'invalid_date':
      return why ?? `not a date in the format ${p.format ?? 'YYYY-MM-DD'}`;
    case 'missing_field':
      return 'required but empty';
    case 'unknown_buyer':
      return 'no such buyer (import buyers first)';
    case 'unknown_document':
      return 'no such document';
    case 'document_conflict':
    case 'idempotency_conflict':
      return p.against === 'file'
        ? `repeated with other content (first at row ${p.firstRow})`
        : 'already imported with other content (conflict)';
    case 'invalid_field':
      if (p.choices !== undefined && (p.reason === undefined || p.reason === 'not_one_of'))
        return `must be one of ${String(p.choices).split('|').join(', ')}`;
      if (p.reason === 'too_long') return tooLong(p);
      return why ?? 'invalid value';
    case 'invalid_rate':
      return why ?? 'not a positive exact decimal rate';
    default:
      return e.code;
  }
}

/** A cell value as printed: control characters escaped (\\u0007), so a bad value cannot garble the terminal. */
const shown = (value: string) =>
  value.replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const DELIMITERS: readonly (readonly [string, string])[] = [
  [';', "';'"],
  ['\t', 'TAB'],
  ['|', "'|'"],
];

/**
 * A header with none of the import's columns: what is expected, and the way to read another layout
 * (`--map`); when its cells hold more ';', TAB or '|' than there are commas between them, that delimiter.
 */
function noKnownColumns(e: RowError): string {
  const p = e.params;
  const header = String(p.header ?? '').split('|');
  const list = (names: unknown) =>
    String(names ?? '')
      .split('|')
      .filter(Boolean)
      .join(', ');
  const optional = list(p.optional);
  const lines = [
    `${e.file}: row 1: none of the columns is one this import reads (found: ${header.join(', ')}).`,
    `  expected: ${list(p.required)}${optional === '' ? '' : `; optional: ${optional}`}`,
  ];
  const occurrences = (c: string) => header.reduce((n, h) => n + h.split(c).length - 1, 0);
  const d = DELIMITERS.find(([c]) => occurrences(c) > header.length - 1);
  if (d !== undefined) {
    lines.push(`  this looks like ${d[1]}-separated: use --map with "delimiter" (docs/import.md)`);
  } else {
    lines.push('  for another layout, say which column is which with --map MAP.json (docs/import.md)');
  }
  return lines.join('\n');
}

export function rowMessage(e: RowError): string {
  if (e.code === 'missing_field' && e.params.reason === 'no_known_columns') return noKnownColumns(e);
  return `${e.file}: row ${e.row}, column ${e.column}, value "${shown(e.value)}": ${rowReason(e)}`;
}

/** A problem in a mapping file (one line each). */
export function mappingMessage(file: string, f: Failure): string {
  const field = f.params.field !== undefined ? ` ${f.params.field}:` : '';
  const why = typeof f.params.reason === 'string' ? (REASONS[f.params.reason] ?? f.params.reason) : f.code;
  const detail =
    f.code === 'not_found'
      ? 'cannot read the file'
      : f.code === 'missing_field'
        ? `required field ${f.params.field} is not mapped and has no default`
        : why;
  return `${file}:${f.code === 'missing_field' ? '' : field} ${detail}`;
}
