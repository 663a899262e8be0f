import { readFileSync } from 'node:fs';

/**
 * Reads the machine-checked tables of a docs/domain page. A checked table is a markdown table right
 * after a marker comment (blank lines allowed in between):
 *
 *   <!-- table: aging asOf=2024-03-31 buckets=30,60,90 -->
 *   | bucket | amount | count |
 *   |---|---:|---:|
 *   | not_due | 1800.00 | 2 |
 *
 * Rows come back keyed by header; cells are trimmed and lose `code` backticks and **bold**.
 * Tables without a marker are prose (arithmetic shown to the reader) and are not read.
 */
export interface DocTable {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly rows: readonly Readonly<Record<string, string>>[];
}

const MARKER = /^<!--\s*table:\s*(\S+)((?:\s+[\w-]+=\S+)*)\s*-->$/;

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) =>
      c
        .trim()
        .replace(/^`(.*)`$/, '$1')
        .replace(/^\*\*(.*)\*\*$/, '$1'),
    );

export function parseDocTables(markdown: string): DocTable[] {
  const lines = markdown.split(/\r?\n/);
  const tables: DocTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec((lines[i] ?? '').trim());
    if (!m) continue;
    const attrs: Record<string, string> = {};
    for (const pair of (m[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
      const eq = pair.indexOf('=');
      attrs[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    const header = lines[j] ?? '';
    const rule = lines[j + 1] ?? '';
    if (!header.trim().startsWith('|') || !/^\s*\|[\s:|-]+\|\s*$/.test(rule)) {
      throw new Error(`marker '${m[1]}' on line ${i + 1} is not followed by a markdown table`);
    }
    const keys = cells(header);
    const rows: Record<string, string>[] = [];
    for (j += 2; j < lines.length && (lines[j] ?? '').trim().startsWith('|'); j++) {
      const values = cells(lines[j] ?? '');
      if (values.length !== keys.length)
        throw new Error(`line ${j + 1}: ${values.length} cells, header has ${keys.length}`);
      rows.push(Object.fromEntries(keys.map((k, c) => [k, values[c] ?? ''])));
    }
    tables.push({ name: m[1] ?? '', attrs, rows });
  }
  return tables;
}

export function readDocTables(file: URL): DocTable[] {
  return parseDocTables(readFileSync(file, 'utf8'));
}

/** The one table with this name whose marker has all of `attrs`; throws when there is none or several. */
export function table(
  tables: readonly DocTable[],
  name: string,
  attrs: Readonly<Record<string, string>> = {},
): DocTable {
  const found = tables.filter((t) => t.name === name && Object.entries(attrs).every(([k, v]) => t.attrs[k] === v));
  if (found.length !== 1)
    throw new Error(`expected one table '${name}' ${JSON.stringify(attrs)}, found ${found.length}`);
  return found[0] as DocTable;
}

/** A cell that must be present. */
export function cell(row: Readonly<Record<string, string>>, key: string): string {
  const v = row[key];
  if (v === undefined) throw new Error(`no column '${key}' in ${JSON.stringify(row)}`);
  return v;
}
