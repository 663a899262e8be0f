import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The longest file name written, extension included (bytes; names are ASCII). */
export const MAX_FILE_NAME = 120;
const HASH_CHARS = 12;
const EXTENSION = /^[a-z0-9]{1,8}$/;
// CON, PRN, AUX, NUL, COM1–9, LPT1–9 (and with any extension) cannot be files on Windows.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * The one way a file name is made from data (letter ids, buyer ids, message ids): a portable name of ASCII letters,
 * digits, `-`, `_` and `.`, not starting with `.` or `-` nor ending with `.`, without `..`, not a Windows device name, at most
 * MAX_FILE_NAME bytes with `.extension`. A name that is already all that is kept as it is; otherwise every other
 * character becomes `_`, it is cut to fit, and a short hash of the original is appended, so two different inputs
 * never get the same name.
 */
export function safeFileName(name: string, extension?: string): string {
  if (extension !== undefined && !EXTENSION.test(extension)) throw new Error(`bad file extension "${extension}"`);
  const ext = extension === undefined ? '' : `.${extension}`;
  const room = MAX_FILE_NAME - ext.length;
  let safe = name
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/\.{2,}/g, (dots) => '_'.repeat(dots.length))
    .replace(/^[.-]/, '_')
    .replace(/\.$/, '_'); // Windows drops a trailing dot; before an extension it would make ".."
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  if (safe === name && safe !== '' && safe.length <= room) return `${safe}${ext}`;
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, HASH_CHARS);
  return `${safe.slice(0, room - HASH_CHARS - 1) || '_'}-${hash}${ext}`;
}

/**
 * `dir/name`, after checking that it names a file directly inside `dir` (defence in depth: names from
 * safeFileName always do). Anything else is a bug, thrown.
 */
export function fileInside(dir: string, name: string): string {
  const base = resolve(dir);
  const path = resolve(base, name);
  const rel = relative(base, path);
  if (rel === '' || rel === '.' || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep) || rel.includes('/'))
    throw new Error(`refusing to write ${JSON.stringify(name)} outside ${base}`);
  return path;
}

/** The path of a file named from data in `dir`: safeFileName, then fileInside. */
export const safePath = (dir: string, name: string, extension?: string): string =>
  fileInside(dir, safeFileName(name, extension));
