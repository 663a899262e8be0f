import { fail, ok, type Result } from '../result';

/** A business date: a plain calendar day 'YYYY-MM-DD' with no time and no zone. */
export type BusinessDate = string & { readonly __businessDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function fromParts(y: number, m: number, d: number): Result<BusinessDate> {
  if (!valid(y, m, d)) return fail('invalid_date', { value: `${y}-${m}-${d}` });
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return ok(s as BusinessDate);
}

export function parseDate(text: string): Result<BusinessDate> {
  const m = ISO.exec(text.trim());
  if (!m) return fail('invalid_date', { value: text });
  const r = fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return r.ok ? r : fail('invalid_date', { value: text });
}

/** For literals in code and tests; throws on an invalid date. */
export function date(text: string): BusinessDate {
  const r = parseDate(text);
  if (!r.ok) throw new RangeError(`invalid date ${text}`);
  return r.value;
}

export function parts(d: BusinessDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

/** Days since 1970-01-01 (proleptic Gregorian), by Howard Hinnant's days_from_civil. */
export function toEpochDay(d: BusinessDate): number {
  const [y0, m, day] = parts(d);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromEpochDay(n: number): BusinessDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as BusinessDate;
}

export function addDays(d: BusinessDate, n: number): BusinessDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** b − a in days: daysBetween('2024-01-31', '2024-03-01') = 30. */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Same day n months later (negative: earlier), clamped to the month's last day. */
export function addMonths(d: BusinessDate, n: number): BusinessDate {
  const [y, m, day] = parts(d);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const r = fromParts(ny, nm, Math.min(day, daysInMonth(ny, nm)));
  if (!r.ok) throw new RangeError('date out of range');
  return r.value;
}

export const compareDates = (a: BusinessDate, b: BusinessDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const maxDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);
export const minDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a < b ? a : b);
