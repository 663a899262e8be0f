import { hostname } from 'node:os';
import { type Clock, type Company, DAILY_JOB, enqueueDailyCycle, type JobHandler, type Store } from '@credence/app';
import { type BusinessDate, parseDate, type RateTables } from '@credence/core';
import type { DailySchedule } from '@credence/core/monitoring';
import type { Courier } from '../delivery/types';
import type { Poller } from '../worker/start-worker';
import { dailyContext } from './daily-context';

/** Who the service runs the daily cycle as (the matched bank lines' `by`). */
export const DAILY_ACTOR = 'daily';

/**
 * The worker's handler of `daily.run` jobs: the date's cycle (`runDailyCycle`) with the policies in force. A step
 * that failed fails the attempt (the queue retries it with backoff; the retry resumes at that step).
 */
export function dailyHandler(x: {
  readonly company: Company;
  readonly rates: RateTables;
  readonly clock: Clock;
  /** The service's courier: the monthly statements and the alert digests leave through it. */
  readonly courier?: Courier;
}): Record<string, JobHandler> {
  return {
    [DAILY_JOB]: async (payload, { store }) => {
      const asOf = parseDate(String((payload as { asOf?: unknown } | null)?.asOf ?? ''));
      if (!asOf.ok) throw new Error(`daily.run: not a date: ${JSON.stringify(payload)}`);
      const ctx = await dailyContext(store, {
        company: x.company,
        rates: x.rates,
        by: DAILY_ACTOR,
        today: x.clock.today(),
        ...(x.courier !== undefined ? { courier: x.courier } : {}),
      });
      // Loaded when used: the steps bring the alert rules' Zod schema, which the CLI does not load at start.
      const { runDailyCycle } = await import('@credence/app/daily');
      // Another run of the date (a `credence daily` by hand) fails this attempt: the retry finds its steps done.
      const holder = `the service's worker (process ${process.pid} on ${hostname()})`;
      const r = await runDailyCycle(store, ctx, asOf.value, { clock: x.clock, holder });
      if (!r.ok) throw new Error(`daily.run ${asOf.value}: ${JSON.stringify(r.error)}`);
      const failed = r.value.steps.find((s) => s.status === 'failed');
      if (failed !== undefined) throw new Error(`daily.run ${asOf.value}: step ${failed.step} failed: ${failed.error}`);
    },
  };
}

/**
 * The service's schedule: on each tick, once the company's time of day has come, the date's cycle is queued — once
 * per date (not again when the date is done; the job's key makes a second queueing return the first).
 */
export function dailyPoller(schedule: DailySchedule, defaultZone?: string): Poller {
  let queued: BusinessDate | undefined;
  return {
    name: 'daily',
    poll: async (store: Store, now: Date) => {
      const { dailyDue } = await import('@credence/core/monitoring');
      const asOf = dailyDue(schedule, now, defaultZone);
      if (asOf === undefined || asOf === queued) return 0;
      const { dailyStatus } = await import('@credence/app/daily');
      if ((await dailyStatus(store, asOf)).state === 'done') {
        queued = asOf;
        return 0;
      }
      const r = await enqueueDailyCycle(store, { asOf, today: asOf, now });
      queued = asOf;
      return r.ok && r.value.created ? 1 : 0;
    },
  };
}
