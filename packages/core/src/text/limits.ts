import { fail, ok, type Result } from '../result';

/**
 * The longest text Credence accepts, per kind of field, in characters (Unicode code points): checked on import and
 * on the CLI commands that take text, documented in docs/import.md. Chosen so a real ERP export fits (SAP customer
 * numbers are 10 characters, document numbers 10–16, names 35–140, e-mail addresses at most 254 by RFC 5321) while
 * one field cannot make a letter or a case file huge.
 */
export const TEXT_LIMITS = Object.freeze({
  /** buyer, document, payment, order and group ids: they name records and become parts of file names */
  identifier: 64,
  /** names, people, industries, legal ids, references, and any field not listed */
  name: 200,
  /** one line of a postal address */
  addressLine: 500,
  /** a whole postal address (all lines) */
  address: 2000,
  /** an e-mail address (RFC 5321 path limit) */
  email: 254,
  /** notes, reasons, descriptions */
  note: 2000,
});

export type TextKind = 'identifier' | 'document' | 'name' | 'address' | 'email' | 'note';

// C0 and C1 control characters; free text may keep tab and line breaks.
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_TEXT = /[^\P{Cc}\t\n\r]/u;
// The common case, checked first: printable ASCII (space to tilde) only.
const PRINTABLE_ASCII = /^[ -~]*$/;
// Controls, invisible formatting (bidi overrides, zero-width characters), line/paragraph separators, lone surrogates.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const EMAIL_LOCAL = /^[^\s@<>()[\]\\,;:"]{1,64}$/u;
const EMAIL_DOMAIN = /^[^\s@<>()[\]\\,;:"/.]+(\.[^\s@<>()[\]\\,;:"/.]+)*$/u;

/** Length in code points, counting only when the UTF-16 length could exceed `max`. */
function longerThan(s: string, max: number): boolean {
  if (s.length <= max) return false;
  let n = 0;
  for (const _ of s) if (++n > max) return true;
  return false;
}

const tooLong = (max: number) => fail('invalid_field', { reason: 'too_long', max });

/**
 * An identifier as Credence stores it: 1–64 printable characters, no `/` or `\`, not `.` or `..`, no leading or
 * trailing space. Errors are `invalid_field` with `reason` too_long (and `max`), unprintable, path_separator,
 * dot_name or surrounding_space.
 */
export function checkIdentifier(s: string): Result<string> {
  if (s === '') return fail('missing_field');
  if (
    s.length <= TEXT_LIMITS.identifier &&
    PRINTABLE_ASCII.test(s) &&
    s.indexOf('/') < 0 &&
    s.indexOf('\\') < 0 &&
    s !== '.' &&
    s !== '..' &&
    s.charCodeAt(0) !== 32 &&
    s.charCodeAt(s.length - 1) !== 32
  )
    return ok(s);
  if (longerThan(s, TEXT_LIMITS.identifier)) return tooLong(TEXT_LIMITS.identifier);
  if (UNPRINTABLE.test(s)) return fail('invalid_field', { reason: 'unprintable' });
  if (s.includes('/') || s.includes('\\')) return fail('invalid_field', { reason: 'path_separator' });
  if (s === '.' || s === '..') return fail('invalid_field', { reason: 'dot_name' });
  if (s.trim() !== s) return fail('invalid_field', { reason: 'surrounding_space' });
  return ok(s);
}

/**
 * A document number: an identifier that may also contain `/` between parts, as ERPs number their invoices
 * (`INV/2026/0001`); no part is empty, `.` or `..`, so it never reads as a path. Document numbers never become file
 * names (letters and case files are named after the letter, through `safeFileName`).
 */
export function checkDocumentNumber(s: string): Result<string> {
  if (!s.includes('/')) return checkIdentifier(s);
  if (s.split('/').some((part) => part === '' || part === '.' || part === '..'))
    return fail('invalid_field', { reason: 'path_separator' });
  const rest = checkIdentifier(s.replaceAll('/', '-'));
  return rest.ok ? ok(s) : rest;
}

/** An e-mail address: at most 254 characters, `local@domain` with no spaces, angle brackets, commas or quotes. */
export function checkEmail(s: string): Result<string> {
  if (longerThan(s, TEXT_LIMITS.email)) return tooLong(TEXT_LIMITS.email);
  const at = s.lastIndexOf('@');
  if (CONTROL.test(s) || at < 1 || !EMAIL_LOCAL.test(s.slice(0, at)) || !EMAIL_DOMAIN.test(s.slice(at + 1)))
    return fail('invalid_field', { reason: 'email' });
  return ok(s);
}

/** The lines of a postal address: "\n" or " | " between lines. */
export const splitAddress = (s: string): string[] =>
  s
    .split(/\n| \| /)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * Free text of a kind: bounded length (an address also per line) and no control characters other than tab and
 * line breaks. Identifiers and e-mail addresses get their own checks.
 */
export function checkText(s: string, kind: TextKind): Result<string> {
  if (kind === 'identifier') return checkIdentifier(s);
  if (kind === 'document') return checkDocumentNumber(s);
  if (kind === 'email') return checkEmail(s);
  const max = TEXT_LIMITS[kind];
  // short printable ASCII: no control characters, and no line of an address longer than the whole
  if (s.length <= Math.min(max, TEXT_LIMITS.addressLine) && PRINTABLE_ASCII.test(s)) return ok(s);
  if (longerThan(s, max)) return tooLong(max);
  if (CONTROL_IN_TEXT.test(s)) return fail('invalid_field', { reason: 'unprintable' });
  if (kind === 'address' && splitAddress(s).some((l) => longerThan(l, TEXT_LIMITS.addressLine)))
    return fail('invalid_field', { reason: 'too_long', max: TEXT_LIMITS.addressLine, per: 'line' });
  return ok(s);
}

/** `s` cut to at most `max` code points, ending in "…" when it was cut (for rendering legacy data already stored). */
export function truncateText(s: string, max: number): string {
  if (!longerThan(s, max)) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    if (++n >= max) break;
    out += ch;
  }
  return `${out}…`;
}
