import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type Chardet from 'chardet';
import type Iconv from 'iconv-lite';

// Loaded on first use (a file import), not at start-up: every other command would pay for them.
const require = createRequire(import.meta.url);
const iconv = {
  decode: (...a: Parameters<typeof Iconv.decode>) => (require('iconv-lite') as typeof Iconv).decode(...a),
  getDecoder: (...a: Parameters<typeof Iconv.getDecoder>) => (require('iconv-lite') as typeof Iconv).getDecoder(...a),
};
const chardet = {
  analyse: (...a: Parameters<typeof Chardet.analyse>) => (require('chardet') as typeof Chardet).analyse(...a),
};

/** The encodings a CSV file may be read in (iconv-lite names). */
export type Encoding =
  | 'utf-8'
  | 'utf-16le'
  | 'utf-16be'
  | 'windows-1252'
  | 'iso-8859-15'
  | 'gb18030'
  | 'big5'
  | 'shift_jis';

/**
 * Names accepted by `--encoding` and a mapping's `"encoding"`, lower-case, to the encoding used. As in
 * the WHATWG Encoding Standard, Latin-1 is read as Windows-1252 (its superset for printable characters),
 * and GBK/GB2312 as GB18030 (their superset).
 */
const NAMES: Readonly<Record<string, Encoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
  'latin-9': 'iso-8859-15',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  cp950: 'big5',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
};

/** The names `--encoding` accepts, for messages. */
export const ENCODING_NAMES: readonly string[] = Object.keys(NAMES);

/** The encoding a name stands for (case-insensitive), undefined when not supported. */
export function encodingNamed(name: string): Encoding | undefined {
  return NAMES[name.trim().toLowerCase()];
}

/** How the encoding of a file was decided. */
export type EncodingSource = 'explicit' | 'bom' | 'utf-8' | 'detected';

export interface EncodingChoice {
  readonly encoding: Encoding;
  readonly source: EncodingSource;
}

const BOMS: readonly (readonly [Encoding, readonly number[]])[] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** The encoding named by a byte-order mark at the start of `head`. */
function bomEncoding(head: Uint8Array): Encoding | undefined {
  for (const [encoding, bytes] of BOMS) if (bytes.every((b, i) => head[i] === b)) return encoding;
  return undefined;
}

/** Valid UTF-8, allowing the sample to end inside a character (it is the start of a longer file). */
function looksUtf8(sample: Uint8Array, whole: boolean): boolean {
  for (let cut = 0; cut <= (whole ? 0 : 3) && cut < sample.length; cut++) {
    if (isUtf8(sample.subarray(0, sample.length - cut))) return true;
  }
  return sample.length === 0;
}

/** chardet's names for the encodings we read. */
const DETECTED: Readonly<Record<string, Encoding>> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
};

const MULTI_BYTE: readonly Encoding[] = ['gb18030', 'big5', 'shift_jis'];

/**
 * Share of the bytes ≥ 0x80 that stand next to another one: near 1 for Chinese or Japanese text (two
 * bytes per character, most of them high), near 0 for Western text (an accented letter between ASCII ones).
 */
function pairedHighBytes(sample: Uint8Array): number {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    if ((sample[i] as number) < 0x80) continue;
    high += 1;
    if ((sample[i - 1] ?? 0) >= 0x80 || (sample[i + 1] ?? 0) >= 0x80) paired += 1;
  }
  return high === 0 ? 0 : paired / high;
}

/**
 * Two-byte characters read the GB18030 way: the share outside GB2312 (lead or trail below 0xA1) — rare
 * in Chinese text written in GB, about a third of Big5 text — and the share with a lead below 0xA1, where
 * Shift_JIS puts kana and most kanji but neither GB2312 nor Big5 puts anything.
 */
function pairShares(sample: Uint8Array): { outsideGb2312: number; lowLead: number } {
  let pairs = 0;
  let outside = 0;
  let low = 0;
  for (let i = 0; i < sample.length; ) {
    const b = sample[i] as number;
    if (b < 0x81 || b === 0xff) {
      i += 1;
      continue;
    }
    const n = sample[i + 1] ?? 0;
    if (n >= 0x30 && n <= 0x39) {
      i += 4;
      continue;
    }
    pairs += 1;
    if (b < 0xa1 || n < 0xa1) outside += 1;
    if (b < 0xa1) low += 1;
    i += 2;
  }
  return pairs === 0 ? { outsideGb2312: 0, lowLead: 0 } : { outsideGb2312: outside / pairs, lowLead: low / pairs };
}

/** Moves `e` to the front of `list`. */
const first = (list: Encoding[], e: Encoding): Encoding[] => [e, ...list.filter((x) => x !== e)];

/** Whether the sample decodes without a replacement character (the sample may end inside a character). */
function decodesCleanly(sample: Uint8Array, encoding: Encoding, whole: boolean): boolean {
  const text = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.length), encoding);
  const bad = text.indexOf('\uFFFD');
  return bad < 0 || (!whole && bad >= text.length - 2);
}

/**
 * Picks the encoding of a non-UTF-8 sample among those we read: multi-byte (GB18030, Big5, Shift_JIS)
 * when high bytes come in pairs, else Windows-1252; chardet's ranking orders the candidates of that
 * group; the first that decodes the sample cleanly is taken, else one of the other group. On a tie
 * GB18030 comes first (what Chinese ERPs export by default), Big5 when most characters would fall outside
 * GB2312, Shift_JIS when many lead bytes are below 0xA1.
 */
function detect(sample: Uint8Array, whole: boolean): Encoding | undefined {
  const confidence = new Map<Encoding, number>();
  for (const m of chardet.analyse(sample)) {
    const e = DETECTED[m.name];
    if (e !== undefined && !confidence.has(e)) confidence.set(e, m.confidence);
  }
  let multi: Encoding[] = [...MULTI_BYTE];
  const shares = pairShares(sample);
  if (shares.outsideGb2312 > 0.2) multi = first(multi, 'big5');
  if (shares.lowLead > 0.3) multi = first(multi, 'shift_jis');
  const rank = (pool: Encoding[]) =>
    pool
      .map((e, i) => ({ e, i, c: confidence.get(e) ?? 0 }))
      .sort((a, b) => b.c - a.c || a.i - b.i)
      .map((x) => x.e);
  const groups =
    pairedHighBytes(sample) >= 0.5 ? [multi, ['windows-1252' as const]] : [['windows-1252' as const], multi];
  return groups.flatMap(rank).find((e) => decodesCleanly(sample, e, whole));
}

/** Bytes the detector looks at (chardet takes about 2 s for a megabyte). */
const DETECT_BYTES = 64 * 1024;

/**
 * Decides how to read a file from its first bytes: a byte-order mark wins (even over an explicit name,
 * which cannot be right then); else the explicit encoding; else UTF-8 when the sample is valid UTF-8;
 * else a detector. `whole`: the sample is the entire file. Undefined when nothing fits.
 */
export function chooseEncoding(
  sample: Uint8Array,
  whole: boolean,
  explicit: Encoding | undefined,
): EncodingChoice | undefined {
  const bom = bomEncoding(sample);
  if (bom !== undefined) return { encoding: bom, source: 'bom' };
  if (explicit !== undefined) return { encoding: explicit, source: 'explicit' };
  if (looksUtf8(sample, whole)) return { encoding: 'utf-8', source: 'utf-8' };
  const e = detect(sample.subarray(0, DETECT_BYTES), whole && sample.length <= DETECT_BYTES);
  return e === undefined ? undefined : { encoding: e, source: 'detected' };
}

/** Bytes of a literal U+FFFD in the encodings that can hold one (the single-byte ones cannot). */
const LITERAL_REPLACEMENT: Readonly<Partial<Record<Encoding, Buffer>>> = {
  'utf-8': Buffer.from([0xef, 0xbf, 0xbd]),
  'utf-16le': Buffer.from([0xfd, 0xff]),
  'utf-16be': Buffer.from([0xff, 0xfd]),
  gb18030: Buffer.from([0x84, 0x31, 0xa4, 0x37]),
};

export interface Decoded {
  readonly text: string;
  /** Index in `text` of the first character standing for bytes not valid in the encoding; -1 if none. */
  readonly bad: number;
}

/** How many times `needle` occurs in `haystack` (without overlaps). */
function count<T extends string | Buffer>(
  haystack: T,
  needle: T,
  indexOf: (h: T, n: T, from: number) => number,
): number {
  let n = 0;
  for (let i = indexOf(haystack, needle, 0); i >= 0; i = indexOf(haystack, needle, i + needle.length)) n += 1;
  return n;
}

const inText = (h: string, n: string, from: number) => h.indexOf(n, from);
const inBytes = (h: Buffer, n: Buffer, from: number) => h.indexOf(n, from);

/**
 * A streaming decoder (iconv-lite's) that never lets an invalid byte pass as U+FFFD: a replacement
 * character is accepted only where the file holds one literally (EF BF BD in UTF-8). When a piece has
 * both a literal and an invalid one, the first of them is reported.
 */
export class StrictDecoder {
  private readonly decoder;
  private readonly literal: Buffer | undefined;
  private tail: Buffer = Buffer.alloc(0);

  constructor(readonly encoding: Encoding) {
    this.decoder = iconv.getDecoder(encoding);
    this.literal = LITERAL_REPLACEMENT[encoding];
  }

  write(bytes: Buffer): Decoded {
    const text = this.decoder.write(bytes);
    const seen = this.literal === undefined ? bytes : Buffer.concat([this.tail, bytes]);
    const bad = this.check(text, seen);
    // The bytes a literal completed by the next piece may start with (fewer than a whole literal).
    if (this.literal !== undefined)
      this.tail = Buffer.from(seen.subarray(Math.max(0, seen.length - this.literal.length + 1)));
    return { text, bad };
  }

  end(): Decoded {
    const text = this.decoder.end() ?? '';
    return { text, bad: text.indexOf('\uFFFD') };
  }

  /** `seen`: this piece's bytes after the previous piece's tail. */
  private check(text: string, seen: Buffer): number {
    const first = text.indexOf('\uFFFD');
    if (first < 0) return -1;
    if (this.literal === undefined) return first;
    const literals = count(seen, this.literal, inBytes);
    return count(text, '\uFFFD', inText) > literals ? first : -1;
  }
}
