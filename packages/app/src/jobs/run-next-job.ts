import type { Clock, Store } from '../ports';
import type { Job, JobOutcome } from './ports';
import { retryDelayMs } from './state';

/** Runs one job's work; throwing fails the attempt (retried with backoff until `maxAttempts`). */
export type JobHandler = (payload: unknown, ctx: { readonly job: Job; readonly store: Store }) => Promise<void>;

export interface RunNextJob {
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** This worker's name in the lease (unique per process). */
  readonly worker: string;
  readonly clock: Pick<Clock, 'now'>;
  /** How long a claim holds before another worker may take the job over (default 5 minutes). */
  readonly leaseMs?: number;
  /** The wait before the next attempt after `attempts` failed ones (default `retryDelayMs`). */
  readonly backoffMs?: (attempts: number) => number;
}

export const DEFAULT_LEASE_MS = 300_000;

/** What happened to the job a worker claimed: its id, kind and outcome (undefined: nothing was due). */
export type JobRun = { readonly job: Job; readonly outcome: JobOutcome; readonly settled: boolean };

/**
 * Claims the next due job whose kind this worker handles and runs it under a lease, renewed every third of it
 * while the work runs: a worker that dies stops renewing, and after the lease the job is claimed again by any
 * worker (at-least-once; handlers make their effects exactly-once, as the letter delivery's outbox claims do).
 * A claim beyond `maxAttempts` (the last attempt's worker died) fails the job without running it.
 */
export async function runNextJob(store: Store, o: RunNextJob): Promise<JobRun | undefined> {
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const now = o.clock.now();
  const job = await store.transact((tx) =>
    tx.claimJob({
      kinds: Object.keys(o.handlers),
      worker: o.worker,
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
    }),
  );
  if (job === undefined) return undefined;
  const handler = o.handlers[job.kind];
  let outcome: JobOutcome;
  if (job.attempts > job.maxAttempts || handler === undefined) {
    outcome = { kind: 'failed', error: job.lastError ?? 'the worker stopped on the last attempt', at: now };
  } else {
    const renew = setInterval(() => {
      const until = new Date(o.clock.now().getTime() + leaseMs);
      store.transact((tx) => tx.extendJobLease(job.id, o.worker, until)).catch(() => {});
    }, leaseMs / 3);
    try {
      await handler(job.payload, { job, store });
      outcome = { kind: 'done', at: o.clock.now() };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const at = o.clock.now();
      outcome =
        job.attempts >= job.maxAttempts
          ? { kind: 'failed', error, at }
          : { kind: 'retry', error, runAt: new Date(at.getTime() + (o.backoffMs ?? retryDelayMs)(job.attempts)) };
    } finally {
      clearInterval(renew);
    }
  }
  const settled = await store.transact((tx) => tx.settleJob(job.id, o.worker, outcome));
  return { job, outcome, settled };
}
