import type { PGlite } from '@electric-sql/pglite';

type ParseElement = ((text: string, typeId?: number) => unknown) | undefined;
type SerializeElement = ((value: never) => string) | undefined;

/**
 * Parses PostgreSQL's text form of an array (`{a,"b c",NULL,{1,2}}`, optionally after a dimension decoration
 * `[0:1]=`), each element through `parse` (the element type's parser), NULL as null.
 */
export function parseArray(text: string, parse: ParseElement, delim = ','): unknown[] {
  let i = text.startsWith('[') ? text.indexOf('=') + 1 : 0;
  const malformed = () => new Error(`malformed array literal: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`);
  const element = (s: string) => (parse ? parse(s) : s);
  function quoted(): string {
    i += 1; // the opening quote
    let s = '';
    let from = i;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        s += text.slice(from, i);
        i += 1;
        from = i;
      }
      i += 1;
    }
    if (i >= text.length) throw malformed();
    s += text.slice(from, i);
    i += 1; // the closing quote
    return s;
  }
  function list(): unknown[] {
    if (text[i] !== '{') throw malformed();
    i += 1;
    const out: unknown[] = [];
    if (text[i] === '}') {
      i += 1;
      return out;
    }
    for (;;) {
      const c = text[i];
      if (c === '{') out.push(list());
      else if (c === '"') out.push(element(quoted()));
      else {
        const from = i;
        while (i < text.length && text[i] !== delim && text[i] !== '}') i += 1;
        const s = text.slice(from, i);
        out.push(s === 'NULL' ? null : element(s));
      }
      if (text[i] === delim) i += 1;
      else if (text[i] === '}') {
        i += 1;
        return out;
      } else throw malformed();
    }
  }
  const value = list();
  if (i !== text.length) throw malformed();
  return value;
}

/** An array parameter in PostgreSQL's text form, every element quoted (as PGlite's own serializer writes it). */
export function serializeArray(value: unknown, serialize: SerializeElement, delim = ','): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 0) return '{}';
  if (Array.isArray(value[0])) return `{${value.map((x) => serializeArray(x, serialize, delim)).join(delim)}}`;
  const quote = (x: unknown) => {
    const s = serialize ? serialize(x as never) : String(x);
    return `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  };
  return `{${value.map((x) => (x === null || x === undefined ? 'null' : quote(x))).join(delim)}}`;
}

/**
 * Registers a parser and a serializer for every array type of the database, each through its element type's
 * current parser and serializer: what PGlite does as it starts, read with one scan of pg_type instead of its
 * join, group and sort of pg_type (~0.1 s of CPU on every open; docs/benchmarks.md, "Start-up").
 */
export async function registerArrayTypes(pglite: PGlite): Promise<void> {
  const [result] = await pglite.exec('select oid, typarray, typdelim, typcategory from pg_catalog.pg_type');
  const rows = (result?.rows ?? []) as { oid: number; typarray: number; typdelim: string; typcategory: string }[];
  // As PGlite's own look-up: the element types of the array types (category A; not record's _record).
  const arrayTypes = new Set(rows.filter((r) => r.typcategory === 'A').map((r) => r.oid));
  for (const { oid, typarray, typdelim } of rows) {
    if (!arrayTypes.has(typarray)) continue;
    pglite.parsers[typarray] = (text) => parseArray(text, pglite.parsers[oid], typdelim);
    pglite.serializers[typarray] = (value) => serializeArray(value, pglite.serializers[oid], typdelim) as string;
  }
}

/**
 * Makes a PGlite that is starting (`new PGlite(…)`, not yet ready) register its array types with
 * `registerArrayTypes` in place of its own look-up. Should a PGlite version no longer call `_initArrayTypes`,
 * its own look-up runs instead: slower, the same handlers.
 */
export function lookUpArrayTypesByScan(pglite: PGlite): void {
  pglite._initArrayTypes = () => registerArrayTypes(pglite);
}
