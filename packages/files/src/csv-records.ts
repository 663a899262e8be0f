/**
 * A CSV tokenizer over text that arrives in pieces: RFC 4180 quoting ("" inside quotes, delimiters and
 * line breaks in quoted fields), the record delimiter taken from the first line break (LF, CRLF or CR),
 * quotes inside unquoted fields kept as they are. Lines without a quote take a fast path (one `split`).
 * Each record carries its number (1 = the first line; a quoted line break does not start a record).
 * Without a given field delimiter, the header line decides it (see `detectDelimiter`).
 */
export class CsvRecords {
  private text = '';
  private pos = 0;
  private eol: string | undefined;
  private record = 0;
  private field: string | undefined;

  constructor(delimiter?: string) {
    this.field = delimiter;
  }

  /** Adds the next piece of text. */
  push(piece: string): void {
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + piece : piece;
    this.pos = 0;
    if (this.eol === undefined) this.eol = detectEol(this.text);
  }

  /** The field delimiter: given, or read from the header line once it is complete (undefined before). */
  get delimiter(): string | undefined {
    return this.field;
  }

  /**
   * Where the text pushed so far ends: the number of the record being read and its field (1-based).
   * Used to name the row and column of the first byte that could not be decoded.
   */
  locate(): { record: number; field: number } {
    const { text } = this;
    const eol = this.eol ?? detectEol(text) ?? '\n';
    const d = this.field ?? detectDelimiter(text.slice(this.pos, lineEnd(text, this.pos, eol)));
    let record = this.record + 1;
    let field = 1;
    let inQuotes = false;
    for (let i = this.pos; i < text.length; i++) {
      if (text[i] === '"') inQuotes = !inQuotes;
      else if (inQuotes) continue;
      else if (text.startsWith(eol, i)) {
        record += 1;
        field = 1;
        i += eol.length - 1;
      } else if (text.startsWith(d, i)) {
        field += 1;
        i += d.length - 1;
      }
    }
    return { record, field };
  }

  /**
   * The complete records now buffered; at the `end` of the text the last one even without a line break.
   * Throws `CsvSyntaxError` for a quote not closed by the end of the text.
   */
  take(end: boolean): string[][] {
    const out: string[][] = [];
    const { text } = this;
    const eol = this.eol ?? (end ? '\n' : undefined);
    if (eol === undefined) return out;
    if (this.field === undefined) this.field = detectDelimiter(text.slice(0, lineEnd(text, 0, eol)));
    const delimiter = this.field;
    // The next quote at or after `pos` (-1: none left), searched again only once passed.
    let q = text.indexOf('"', this.pos);
    for (;;) {
      if (this.pos >= text.length) break;
      const e = text.indexOf(eol, this.pos);
      if (e < 0 && !end) break;
      const stop = e < 0 ? text.length : e;
      if (q >= 0 && q < this.pos) q = text.indexOf('"', this.pos);
      if (q < 0 || q >= stop) {
        out.push(text.slice(this.pos, stop).split(delimiter));
        this.record += 1;
        this.pos = e < 0 ? text.length : e + eol.length;
        continue;
      }
      const r = this.quoted(text, eol, end);
      if (r === undefined) break;
      out.push(r);
    }
    return out;
  }

  /** Number of the last record taken. */
  get records(): number {
    return this.record;
  }

  /** Slow path from `pos`: a record with at least one quote; undefined when it runs past the text (not at end). */
  private quoted(text: string, eol: string, end: boolean): string[] | undefined {
    const d = this.field ?? ',';
    const fields: string[] = [];
    let i = this.pos;
    for (;;) {
      let value: string;
      if (text[i] === '"') {
        let v = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            if (end) throw new CsvSyntaxError(this.record + 1, 'quote not closed by the end of the file');
            return undefined;
          }
          if (text[q + 1] === '"') {
            v += `${text.slice(j, q)}"`;
            j = q + 2;
            continue;
          }
          if (q + 1 >= text.length && !end) return undefined;
          v += text.slice(j, q);
          j = q + 1;
          break;
        }
        if (j < text.length && !text.startsWith(d, j) && !text.startsWith(eol, j)) {
          // Text after the closing quote: the field is taken as written, quotes included.
          const stop = fieldEnd(text, j, d, eol);
          if (stop < 0 && !end) return undefined;
          value = text.slice(i, stop < 0 ? text.length : stop);
          i = stop < 0 ? text.length : stop;
        } else {
          value = v;
          i = j;
        }
      } else {
        const stop = fieldEnd(text, i, d, eol);
        if (stop < 0 && !end) return undefined;
        value = text.slice(i, stop < 0 ? text.length : stop);
        i = stop < 0 ? text.length : stop;
      }
      fields.push(value);
      if (i >= text.length) {
        this.pos = i;
        break;
      }
      if (text.startsWith(d, i)) {
        i += d.length;
        continue;
      }
      this.pos = i + eol.length;
      break;
    }
    this.record += 1;
    return fields;
  }
}

/** Where an unquoted field ends (at the delimiter or the line break), -1 past the text. */
function fieldEnd(text: string, from: number, d: string, eol: string): number {
  const a = text.indexOf(d, from);
  const b = text.indexOf(eol, from);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** Where the line starting at `from` ends (its line break outside quotes, or the end of the text). */
function lineEnd(text: string, from: number, eol: string): number {
  let inQuotes = false;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '"') inQuotes = !inQuotes;
    else if (!inQuotes && text.startsWith(eol, i)) return i;
  }
  return text.length;
}

const CANDIDATES = [';', '\t', '|'] as const;

/**
 * The field delimiter a header line uses: ',' whenever it holds a comma outside quotes (or no candidate
 * at all: one column); else the one of ';', TAB, '|' it holds most often, when that is a clear winner.
 * A file with a comma in its header is thus never read otherwise than before.
 */
export function detectDelimiter(header: string): string {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const c of header) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  if ((counts.get(',') ?? 0) > 0) return ',';
  const ranked = CANDIDATES.map((c) => [c, counts.get(c) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best === undefined || best[1] === 0 || best[1] === second?.[1]) return ',';
  return best[0];
}

/** The first line break outside quotes decides the record delimiter; undefined if none is seen yet. */
function detectEol(text: string): string | undefined {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 10) return '\n';
    else if (!inQuotes && c === 13) {
      if (i + 1 >= text.length) return undefined;
      return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    }
  }
  return undefined;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly record: number,
    reason: string,
  ) {
    super(reason);
  }
}
