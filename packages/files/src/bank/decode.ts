import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

const require = createRequire(import.meta.url);
const iconv = () => require('iconv-lite') as typeof Iconv;

/** The encodings a bank statement is read in. */
export type BankEncoding = 'utf-8' | 'iso-8859-1' | 'iso-8859-15';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const hasBom = (b: Uint8Array) => UTF8_BOM.every((x, i) => b[i] === x);

/** The `encoding` of an XML declaration (`<?xml … encoding="ISO-8859-1"?>`), lower-case, if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
}

function named(name: string): BankEncoding | undefined {
  const n = name.replace(/_/g, '-');
  if (n === 'utf-8' || n === 'utf8') return 'utf-8';
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'latin-1' || n === 'iso8859-1') return 'iso-8859-1';
  if (n === 'iso-8859-15' || n === 'latin9' || n === 'latin-9' || n === 'iso8859-15') return 'iso-8859-15';
  return undefined;
}

/**
 * A statement file's text: a UTF-8 BOM wins (and is dropped); then the encoding named by the caller, then the
 * one an XML declaration names; else UTF-8 when the bytes are valid UTF-8, else ISO-8859-15 (the German banks'
 * MT940 charset; it differs from ISO-8859-1 only in eight signs such as €).
 */
export function decodeStatement(bytes: Uint8Array, encoding?: BankEncoding): { text: string; encoding: BankEncoding } {
  if (hasBom(bytes)) return { text: Buffer.from(bytes.subarray(3)).toString('utf8'), encoding: 'utf-8' };
  const declared = declaredEncoding(bytes);
  const chosen = encoding ?? (declared === undefined ? undefined : named(declared));
  const enc: BankEncoding = chosen ?? (isUtf8(bytes) ? 'utf-8' : 'iso-8859-15');
  const text = enc === 'utf-8' ? Buffer.from(bytes).toString('utf8') : iconv().decode(Buffer.from(bytes), enc);
  return { text, encoding: enc };
}
