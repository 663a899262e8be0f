import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import { enqueueJob } from '../jobs/enqueue-job';
import type { Job } from '../jobs/ports';
import type { Store } from '../ports';

/** The job kind of the daily cycle (run by the service's worker). */
export const DAILY_JOB = 'daily.run';

/**
 * Queues the date's daily cycle for the workers (`POST /daily/run`, the service's schedule): one job per date
 * (key `daily:<date>`) — asking again while it is queued or running returns it; once finished, asking again
 * queues it once more, and its run skips the steps already done (a failed step is run again). A date after today
 * is refused.
 */
export async function enqueueDailyCycle(
  store: Store,
  x: { readonly asOf: BusinessDate; readonly today: BusinessDate; readonly now: Date },
): Promise<Result<{ readonly job: Job; readonly created: boolean }>> {
  if (x.asOf > x.today) return fail('invalid_argument', { reason: 'run_in_future', value: x.asOf, today: x.today });
  return ok(
    await enqueueJob(store, { kind: DAILY_JOB, payload: { asOf: x.asOf }, dedupKey: `daily:${x.asOf}`, runAt: x.now }),
  );
}
