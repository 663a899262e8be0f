/**
 * Company names as a bank line gives them ("ACME GMBH", "Acme G.m.b.H.", "深圳市宏达电子有限公司") compared
 * with a buyer's names: normalised (case, width, accents, punctuation, legal forms), then scored with
 * Jaro-Winkler on the whole name and on its words sorted (a token-set reading, so word order does not
 * matter), the better of the two.
 */

/** Legal forms and filler words left out of a name before comparing (after case folding, punctuation gone). */
const LEGAL_WORDS = new Set([
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ohg',
  'ug',
  'eg',
  'ev',
  'co',
  'cie',
  'und',
  'and',
  'the',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'company',
  'plc',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'kk',
  'pte',
  'pty',
  'sp',
  'zoo',
]);

/** Chinese legal forms and place-name prefixes, longest first (removed wherever they stand). */
const CJK_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '集团',
  '集團',
  '公司',
  '株式会社',
  '株式會社',
];

/** Dotted abbreviations written out before punctuation goes: G.m.b.H. → gmbh, S.A. → sa. */
const undot = (s: string) => s.replace(/\b((?:\p{L}\.){2,})/gu, (m) => m.replace(/\./g, ''));

export function normaliseName(name: string): string {
  let s = undot(name.normalize('NFKC').toLowerCase());
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  s = s.replace(/&/g, ' and ');
  for (const f of CJK_FORMS) s = s.split(f).join(' ');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  const words = s.split(' ').filter((w) => w !== '' && !LEGAL_WORDS.has(w));
  return words.join(' ');
}

/** Jaro-Winkler similarity of two strings (by code point), 0 … 1; prefix scale 0.1 on up to 4 characters. */
export const jaroWinkler = (a: string, b: string): number => jaroWinklerOf(codePoints(a), codePoints(b));

const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0) ?? 0);

/** Jaro-Winkler of two code point arrays (no allocation but one flag array per call). */
function jaroWinklerOf(x: readonly number[], y: readonly number[]): number {
  if (x.length === 0 && y.length === 0) return 1;
  if (x.length === 0 || y.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(x.length, y.length) / 2) - 1);
  const usedY = new Uint8Array(y.length);
  const matchedX: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const hi = Math.min(y.length - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (usedY[j] === 0 && x[i] === y[j]) {
        usedY[j] = 1;
        matchedX.push(x[i] as number);
        break;
      }
    }
  }
  const m = matchedX.length;
  if (m === 0) return 0;
  let transpositions = 0;
  for (let j = 0, k = 0; j < y.length; j++) if (usedY[j] === 1 && matchedX[k++] !== y[j]) transpositions++;
  const jaro = (m / x.length + m / y.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const sortedWords = (s: string) => s.split(' ').sort().join(' ');

/** A normalised name ready for scoring: its code points as written and with its words sorted. */
export interface NameForm {
  readonly text: string;
  readonly whole: readonly number[];
  readonly sorted: readonly number[];
}

export function nameForm(name: string): NameForm {
  const text = normaliseName(name);
  return { text, whole: codePoints(text), sorted: codePoints(sortedWords(text)) };
}

/** How alike two company names are, 0 … 1, after normalising both; 0 when either is empty once normalised. */
export const nameScore = (a: string, b: string): number => formScore(nameForm(a), nameForm(b));

/** `nameScore` of two prepared names: the better of Jaro-Winkler on the whole names and on their sorted words. */
export function formScore(x: NameForm, y: NameForm): number {
  if (x.text === '' || y.text === '') return 0;
  if (x.text === y.text) return 1;
  return Math.max(jaroWinklerOf(x.whole, y.whole), jaroWinklerOf(x.sorted, y.sorted));
}
