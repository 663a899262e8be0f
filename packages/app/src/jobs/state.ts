import type { Job } from './ports';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** Where a job stands at `now`: a lease that has expired counts as queued (it will be claimed again). */
export function jobState(job: Job, now: Date): JobState {
  if (job.doneAt !== undefined) return 'done';
  if (job.failedAt !== undefined) return 'failed';
  if (job.lockedUntil !== undefined && job.lockedUntil > now) return 'running';
  return 'queued';
}

/** The wait before attempt `attempts + 1` after `attempts` failed ones: 10 s doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
