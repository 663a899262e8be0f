import { z } from 'zod';
import type { BusinessDate } from '../calendar/date';
import { fail, ok, type Result } from '../result';

/** Whether `tz` is an IANA time zone this runtime knows. */
const knownZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * When the service starts the daily cycle itself (the company settings' `daily`): at `at` (HH:MM, 24 h) in the
 * company's time zone (`timeZone`, else the service's `CREDENCE_TZ`, else the machine's); `enabled: false` leaves
 * it to `credence daily` or `POST /daily/run`.
 */
export const DailyScheduleSchema = z
  .object({
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM (24 h), e.g. "06:30"'),
    timeZone: z.string().refine(knownZone, 'an IANA time zone, e.g. "Europe/Berlin"').optional(),
    enabled: z.boolean().default(true),
  })
  .strict();

export type DailySchedule = z.infer<typeof DailyScheduleSchema>;

/** Checks the `daily` settings, naming each problem by its path. */
export function parseDailySchedule(json: unknown): Result<DailySchedule> {
  const r = DailyScheduleSchema.safeParse(json);
  if (r.success) return ok(r.data);
  const problems = r.error.issues.map((i) => `daily.${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return fail('invalid_field', { field: 'daily', reason: 'daily_schedule', problems });
}

/**
 * The date whose cycle is due at instant `now`: the local date in the schedule's zone once its local time has
 * reached `at`; undefined before (and when the schedule is off). Pure: the caller passes the instant.
 */
export function dailyDue(s: DailySchedule, now: Date, defaultZone?: string): BusinessDate | undefined {
  if (!s.enabled) return undefined;
  const zone = s.timeZone ?? defaultZone;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone || undefined,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}`;
  return time >= s.at ? (`${get('year')}-${get('month')}-${get('day')}` as BusinessDate) : undefined;
}
