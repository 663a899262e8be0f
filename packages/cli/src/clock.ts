import type { Clock } from '@credence/app';
import { type BusinessDate, date } from '@credence/core';

/**
 * Today in the creditor's time zone (CREDENCE_TZ, default the machine's zone).
 * CREDENCE_TODAY=YYYY-MM-DD pins it, for scripts and reproducible runs.
 */
export function systemClock(env: NodeJS.ProcessEnv = process.env): Clock {
  return {
    today(): BusinessDate {
      if (env.CREDENCE_TODAY) return date(env.CREDENCE_TODAY);
      const f = new Intl.DateTimeFormat('en-CA', {
        timeZone: env.CREDENCE_TZ || undefined,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      return date(f.format(new Date()));
    },
    now: () => new Date(),
  };
}
