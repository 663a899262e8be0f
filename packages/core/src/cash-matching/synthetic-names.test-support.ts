import type { Rng } from '../random/prng';

/** Word pools for synthetic company names: Latin-script and Chinese, with legal forms. */
const FIRST = [
  'Blue Ocean',
  'Nordwind',
  'Red River',
  'Golden Gate',
  'Silver Lake',
  'Alpen',
  'Hanse',
  'Sakura',
  'Orion',
  'Atlas',
  'Phoenix',
  'Delta',
  'Summit',
  'Pioneer',
  'Evergreen',
  'Harbor',
  'Granite',
  'Crystal',
  'Falcon',
  'Maple',
];
const SECOND = [
  'Trading',
  'Logistik',
  'Foods',
  'Metall',
  'Electronics',
  'Textil',
  'Pharma',
  'Bau',
  'Systems',
  'Industries',
  'Maschinenbau',
  'Chemicals',
];
const LEGAL = ['GmbH', 'Ltd', 'AG', 'Co., Ltd.', 'Inc.', 'S.A.', 'B.V.', 'GmbH & Co. KG', 'Limited'];
const CJK_PLACE = ['深圳市', '上海', '广州', '台北', '苏州', ''];
const CJK_CORE = ['宏达', '华信', '东方', '新世纪', '长城', '金山', '精密', '永丰', '恒通', '瑞祥', '联创', '鼎盛'];
const CJK_TRADE = ['电子', '贸易', '物流', '纺织', '机械', '科技', '实业'];
const CJK_LEGAL = ['有限公司', '股份有限公司', '有限责任公司'];

/** `count` distinct company names; about one in five Chinese. */
export function companyNames(rng: Rng, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    names.add(
      rng.chance(0.2)
        ? `${rng.pick(CJK_PLACE)}${rng.pick(CJK_CORE)}${rng.pick(CJK_TRADE)}${rng.pick(CJK_LEGAL)}`
        : `${rng.pick(FIRST)} ${rng.pick(SECOND)} ${rng.pick(LEGAL)}`,
    );
  }
  return [...names];
}

/** A name no buyer has: people and firms outside the ledger. */
export function strangerName(rng: Rng): string {
  const given = ['Maria', 'Jens', 'Li', 'Ahmed', 'Olga', 'Pedro', 'Keiko', 'Tom'];
  const family = ['Schneider', 'Wang', 'Kowalski', 'Rossi', 'Nakamura', 'Okafor', 'Dubois', 'Jensen'];
  return rng.chance(0.5) ? `${rng.pick(given)} ${rng.pick(family)}` : `${rng.pick(family)} Consulting`;
}

/** The name as a bank writes it: upper case, truncated, legal form spelled otherwise, or with one typo. */
export function asBankWrites(rng: Rng, name: string): string {
  let s = name;
  if (rng.chance(0.3)) s = s.toUpperCase();
  if (rng.chance(0.15)) s = s.replace('GmbH', 'G.m.b.H.').replace('Ltd', 'Limited').replace('有限公司', '有限公司 ');
  if (rng.chance(0.35)) s = typo(rng, s);
  if (rng.chance(0.1)) s = s.slice(0, 27);
  return s;
}

function typo(rng: Rng, s: string): string {
  const chars = [...s];
  const letters = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
  if (letters.length < 4) return s;
  const i = rng.pick(letters);
  const kind = rng.int(0, 2);
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1 && i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  else chars[i] = /\p{Script=Han}/u.test(chars[i] ?? '') ? '华' : 'e';
  return chars.join('');
}

/** A German-looking IBAN (valid check digits) from a number: distinct numbers give distinct IBANs. */
export function ibanFor(n: number): string {
  const bban = `37040044${String(n).padStart(10, '0')}`;
  // DE + check: (BBAN + "1314" + "00") mod 97.
  let r = 0;
  for (const ch of `${bban}131400`) r = (r * 10 + Number(ch)) % 97;
  return `DE${String(98 - r).padStart(2, '0')}${bban}`;
}
