/**
 * ISO 11649 structured creditor references ("RF18 5390 0754 7034"): `RF`, two check digits, then 1–21
 * letters or digits. The check is ISO 7064 MOD 97-10, as for IBANs: move `RF` + check digits to the end,
 * letters become 10 … 35, and the number mod 97 must be 1.
 */
const BODY = /^[0-9A-Z]{1,21}$/;

/** The digits of `text` with each letter as 10 … 35, taken mod 97 piecewise (no big numbers). */
function mod97(text: string): number {
  let r = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const d of v) r = (r * 10 + Number(d)) % 97;
  }
  return r;
}

/** Letters and digits only, upper case: how a reference is compared (spaces in print are for people). */
export const compactReference = (text: string): string => text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/** The RF reference for a body of 1–21 letters or digits; throws on another body (a bug in the caller). */
export function makeRf(body: string): string {
  const b = compactReference(body);
  if (!BODY.test(b)) throw new RangeError(`an RF reference body is 1–21 letters or digits, not "${body}"`);
  const check = 98 - mod97(`${b}RF00`);
  return `RF${String(check).padStart(2, '0')}${b}`;
}

/** Whether `text` (spaces allowed, any case) is a valid ISO 11649 reference. */
export function isValidRf(text: string): boolean {
  const c = compactReference(text);
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(c)) return false;
  return mod97(`${c.slice(4)}${c.slice(0, 4)}`) === 1;
}

/** In groups of four, as printed: `RF18 5390 0754 7034`. */
export const formatRf = (rf: string): string => compactReference(rf).replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The valid RF references written in a free text (a remittance line), compact. People copy a reference from
 * its printed groups of four, so a reference may span words; each reading that ends at the end of a word and
 * passes the check is returned (a text rarely holds more than one). The matcher looks for the references it
 * knows; this is for telling that a line quotes some RF reference.
 */
export function findRfs(text: string): string[] {
  const found = new Set<string>();
  const upper = text.toUpperCase();
  for (const m of upper.matchAll(/\bRF\s?\d\s?\d/g)) {
    const words = /^[0-9A-Z]+(?:[ -]?[0-9A-Z]+)*/.exec(upper.slice(m.index ?? 0))?.[0].split(/[ -]/) ?? [];
    let reading = '';
    for (const w of words) {
      reading += w;
      if (reading.length > 25) break;
      if (isValidRf(reading)) found.add(reading);
    }
  }
  return [...found];
}

/** A 64-bit FNV-1a hash of a string's UTF-16 code units, as a base-36 text of 13 characters. */
function hash36(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(36).toUpperCase().padStart(13, '0');
}

/**
 * The RF reference Credence prints on a letter: derived from the letter's id alone (the same id gives the
 * same reference on every render and every machine), `RF` + check + `C` + 13 characters of a hash.
 */
export const letterReference = (letterId: string): string => makeRf(`C${hash36(`letter:${letterId}`)}`);

/** The RF reference of a buyer's statement of account as of a date. */
export const statementReference = (buyerId: string, asOf: string): string =>
  makeRf(`S${hash36(`statement:${buyerId}:${asOf}`)}`);
