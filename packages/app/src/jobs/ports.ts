/**
 * A unit of background work in the job queue (migration 023, docs/scaling.md): queued until `runAt`, run by one
 * worker at a time under a lease, retried with backoff, failed for good after `maxAttempts`.
 */
export interface Job {
  readonly id: string;
  readonly kind: string;
  /** The handler's input, as JSON. */
  readonly payload: unknown;
  /** Not before this instant (a retry's backoff moves it on). */
  readonly runAt: Date;
  /** How many times a worker has claimed it. */
  readonly attempts: number;
  readonly maxAttempts: number;
  /** The worker holding the lease, and until when; both absent while nobody holds it. */
  readonly lockedBy?: string;
  readonly lockedUntil?: Date;
  /** Why the last attempt failed. */
  readonly lastError?: string;
  readonly doneAt?: Date;
  readonly failedAt?: Date;
  /** At most one job has a key: enqueueing the key again returns that job. */
  readonly dedupKey?: string;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export type NewJob = Pick<Job, 'kind' | 'payload' | 'runAt' | 'maxAttempts'> & { readonly dedupKey?: string };

/** How an attempt ended: done, to be retried at `runAt`, or failed for good. */
export type JobOutcome =
  | { readonly kind: 'done'; readonly at: Date }
  | { readonly kind: 'retry'; readonly error: string; readonly runAt: Date }
  | { readonly kind: 'failed'; readonly error: string; readonly at: Date };

export interface JobReads {
  findJob(id: string): Promise<Job | undefined>;
}

export interface JobWrites {
  /**
   * Queues a job (`createdAt`/`createdBy`: the transaction's instant and actor). With a `dedupKey` already taken:
   * a job still queued or running is returned as it is (`created` false); a finished one (done or failed) is
   * queued again as given, attempts from zero (`created` true): its work is to be done once more.
   */
  enqueueJob(job: NewJob): Promise<{ readonly job: Job; readonly created: boolean }>;
  /**
   * Claims the next due job of these kinds that no live lease holds (queued, or its worker's lease expired),
   * skipping rows other workers are claiming (`FOR UPDATE SKIP LOCKED`): attempts + 1, leased to `worker`.
   */
  claimJob(q: {
    readonly kinds: readonly string[];
    readonly worker: string;
    readonly now: Date;
    readonly leaseUntil: Date;
  }): Promise<Job | undefined>;
  /** Extends the lease while `worker` still holds the job; false if it lost it. */
  extendJobLease(id: string, worker: string, until: Date): Promise<boolean>;
  /** Records the outcome while `worker` still holds the job (and releases it); false if it lost it. */
  settleJob(id: string, worker: string, outcome: JobOutcome): Promise<boolean>;
}
