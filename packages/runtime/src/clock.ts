import type { Clock } from '@credence/app';
import { type BusinessDate, date } from '@credence/core';
import type { Env } from './env';

/**
 * The real clock: today in `timeZone` (an IANA name; default the machine's zone), or the pinned date `today`
 * (YYYY-MM-DD) for scripts and reproducible runs. `now()` is always the real instant.
 */
export function systemClock(options: { readonly timeZone?: string; readonly today?: string } = {}): Clock {
  const { timeZone, today } = options;
  return {
    today(): BusinessDate {
      if (today) return date(today);
      const f = new Intl.DateTimeFormat('en-CA', {
        timeZone: timeZone || undefined,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      return date(f.format(new Date()));
    },
    now: () => new Date(),
  };
}

/**
 * The clock of the environment: today in the creditor's time zone CREDENCE_TZ (default the machine's zone);
 * CREDENCE_TODAY=YYYY-MM-DD pins it. Read at each call, as the environment may change.
 */
export function clockFromEnv(env: Env): Clock {
  return {
    today: () =>
      systemClock({
        ...(env.CREDENCE_TZ ? { timeZone: env.CREDENCE_TZ } : {}),
        ...(env.CREDENCE_TODAY ? { today: env.CREDENCE_TODAY } : {}),
      }).today(),
    now: () => new Date(),
  };
}
