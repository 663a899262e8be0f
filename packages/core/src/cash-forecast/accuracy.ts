import type { BusinessDate } from '../calendar';

/** A forecast week and what came in: the forecast's band and the actual receipts, in one currency. */
export interface WeekOutcome {
  readonly start: BusinessDate;
  readonly end: BusinessDate;
  readonly low: bigint;
  readonly mid: bigint;
  readonly high: bigint;
  readonly actual: bigint;
}

export interface WeekAccuracy extends WeekOutcome {
  /** actual − mid. */
  readonly error: bigint;
  /** |actual − mid| / actual, null when nothing came in. */
  readonly absPctError: number | null;
  readonly withinBand: boolean;
}

export const weekAccuracy = (w: WeekOutcome): WeekAccuracy => {
  const error = w.actual - w.mid;
  const abs = error < 0n ? -error : error;
  return {
    ...w,
    error,
    absPctError: w.actual === 0n ? null : Number(abs) / Number(w.actual),
    withinBand: w.low <= w.actual && w.actual <= w.high,
  };
};

/** Over several weeks: WAPE = Σ|actual − mid| / Σ actual (null when nothing came in), and the share within the band. */
export function accuracySummary(weeks: readonly WeekOutcome[]): {
  wape: number | null;
  withinBand: number | null;
  weeks: number;
} {
  if (weeks.length === 0) return { wape: null, withinBand: null, weeks: 0 };
  let errors = 0n;
  let actual = 0n;
  let inside = 0;
  for (const w of weeks) {
    const e = w.actual - w.mid;
    errors += e < 0n ? -e : e;
    actual += w.actual;
    if (w.low <= w.actual && w.actual <= w.high) inside++;
  }
  return {
    wape: actual === 0n ? null : Number(errors) / Number(actual),
    withinBand: inside / weeks.length,
    weeks: weeks.length,
  };
}
