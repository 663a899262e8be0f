import { addDays, type BusinessDate, daysInMonth, fromParts, parts, toEpochDay } from '../calendar';

/** A period of the cash forecast: an ISO week (Monday to Sunday), then calendar months. */
export interface CashPeriod {
  readonly kind: 'week' | 'month';
  /** `2026-W50` for a week, `2027-03` for a month. */
  readonly label: string;
  readonly start: BusinessDate;
  readonly end: BusinessDate;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (d: BusinessDate): number => (((toEpochDay(d) + 3) % 7) + 7) % 7;

/** The Monday of the ISO week the date is in. */
export const mondayOf = (d: BusinessDate): BusinessDate => addDays(d, -weekday(d));

/** The ISO 8601 week label: the week belongs to the year of its Thursday. */
export function isoWeekLabel(d: BusinessDate): string {
  const thursday = addDays(mondayOf(d), 3);
  const [y] = parts(thursday);
  const jan1 = fromParts(y, 1, 1);
  if (!jan1.ok) throw new RangeError('date out of range');
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(jan1.value)) / 7) + 1;
  return `${y}-W${String(week).padStart(2, '0')}`;
}

function monthEnd(d: BusinessDate): BusinessDate {
  const [y, m] = parts(d);
  const r = fromParts(y, m, daysInMonth(y, m));
  if (!r.ok) throw new RangeError('date out of range');
  return r.value;
}

/**
 * The forecast's periods as of a date: `weeks` ISO weeks from the Monday of the as-of date's week, then
 * `months` calendar months — the first from the day after the last week to the end of that month (a part
 * month when the week ends inside one), the others whole.
 */
export function cashPeriods(asOf: BusinessDate, weeks: number, months: number): CashPeriod[] {
  const out: CashPeriod[] = [];
  let start = mondayOf(asOf);
  for (let i = 0; i < weeks; i++) {
    out.push({ kind: 'week', label: isoWeekLabel(start), start, end: addDays(start, 6) });
    start = addDays(start, 7);
  }
  for (let i = 0; i < months; i++) {
    const end = monthEnd(start);
    out.push({ kind: 'month', label: start.slice(0, 7), start, end });
    start = addDays(end, 1);
  }
  return out;
}

/** Index of the period holding the date, or `periods.length` (beyond the horizon); dates before the first go to it. */
export function periodIndex(periods: readonly CashPeriod[], d: BusinessDate): number {
  for (let i = 0; i < periods.length; i++) if (d <= (periods[i] as CashPeriod).end) return i;
  return periods.length;
}
