/** What a CSV column holds: text (names, ids, dates) or plain numbers (amounts, days, ratios). */
export type CsvType = 'text' | 'number';

/** A number as Credence prints one: optional minus, digits, optional decimals or exponent. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

/** Whether a spreadsheet (Excel, LibreOffice, Google Sheets) would run the cell as a formula: = + - @ TAB CR first. */
function startsLikeFormula(value: string): boolean {
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * One cell, made safe for spreadsheets (OWASP "CSV injection"): a text cell beginning with `=`, `+`,
 * `-`, `@`, TAB or CR gets a leading `'`, so it shows as text and never runs. A number column keeps
 * its values as they are when they are plain numbers (`-12.50` stays a number); anything else found
 * there is treated as text. The decision is by column, so a name like `-Acme-` is neutralised while a
 * negative amount is not.
 */
export function csvCell(value: string, type: CsvType): string {
  if (!startsLikeFormula(value)) return value;
  return type === 'number' && PLAIN_NUMBER.test(value) ? value : `'${value}`;
}

/** RFC 4180: a field with a comma, quote, line break or edge space is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One line of CSV, each cell made safe by its column's type, then quoted; with the line break. */
export function csvLine(cells: readonly string[], types: readonly CsvType[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvField(csvCell(cells[i] ?? '', types[i] ?? 'text'));
  }
  return `${line}\n`;
}

/** The types of `header`'s columns: `numbers` names the number columns, all others are text. */
export function csvTypes(header: readonly string[], numbers: Iterable<string>): CsvType[] {
  const n = new Set(numbers);
  return header.map((h) => (n.has(h) ? 'number' : 'text'));
}

/**
 * A whole CSV document (every export of the CLI goes through `csvLine`): the header, then the rows;
 * `numbers` names the columns that hold plain numbers, which stay numbers.
 */
export function renderCsv(header: readonly string[], rows: readonly string[][], numbers: Iterable<string>): string {
  const types = csvTypes(header, numbers);
  const text = header.map(() => 'text' as const);
  return [csvLine(header, text), ...rows.map((r) => csvLine(r, types))].join('');
}
