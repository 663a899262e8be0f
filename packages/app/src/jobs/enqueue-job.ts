import type { Store } from '../ports';
import type { Job } from './ports';

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Queues background work for the workers (`credence worker`, or `credence serve` without `--no-worker`).
 * Idempotent by `dedupKey`: while a job with the key is queued or running, it is returned instead of a second one.
 */
export async function enqueueJob(
  store: Store,
  job: { kind: string; payload: unknown; dedupKey?: string; runAt: Date; maxAttempts?: number },
): Promise<{ job: Job; created: boolean }> {
  return store.transact((tx) =>
    tx.enqueueJob({
      kind: job.kind,
      payload: job.payload,
      runAt: job.runAt,
      maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      ...(job.dedupKey !== undefined ? { dedupKey: job.dedupKey } : {}),
    }),
  );
}
