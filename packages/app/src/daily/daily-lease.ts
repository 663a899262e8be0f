import { randomBytes } from 'node:crypto';
import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import type { Clock, Store } from '../ports';
import type { DailyRunLease } from './ports';

/** How long a run holds its date without renewing (renewed every third of it while the run goes on). */
export const DAILY_LEASE_MS = 60_000;
/** How often a run that waits (`waitMs`) looks again. */
const WAIT_POLL_MS = 500;

export interface DailyLeaseOptions {
  readonly clock: Pick<Clock, 'now'>;
  /** Who runs it, for the message a second run shows (e.g. `credence daily (process 42 on host)`). */
  readonly holder: string;
  readonly leaseMs?: number;
  /** How long to wait for a run of the same date to end (0, the default: stop at once with `run_in_progress`). */
  readonly waitMs?: number;
}

/** The run's hold on its date: renewed as it goes, given up at its end. */
export interface DailyHold {
  /** Renews the lease; a failure when another run has taken the date over (this run's lease had lapsed). */
  renew(): Promise<Result<DailyRunLease>>;
  release(): Promise<void>;
}

/**
 * Takes (or renews, with the same token) the date's lease, under the date's lock (`lock('daily:<date>')`): two runs
 * asking at once take it one after the other, and the second finds the first's lease alive.
 */
async function claim(
  store: Store,
  asOf: BusinessDate,
  token: string,
  o: DailyLeaseOptions,
): Promise<Result<DailyRunLease>> {
  const now = o.clock.now();
  return store.transact(async (tx) => {
    await tx.lock(`daily:${asOf}`);
    const held = await tx.dailyRunLease(asOf);
    if (held !== undefined && held.token !== token && held.lockedUntil > now)
      return fail('run_in_progress', {
        asOf,
        holder: held.holder,
        since: held.startedAt.toISOString(),
        until: held.lockedUntil.toISOString(),
      });
    const lease: DailyRunLease = {
      asOf,
      holder: o.holder,
      token,
      startedAt: held?.token === token ? held.startedAt : now,
      lockedUntil: new Date(now.getTime() + (o.leaseMs ?? DAILY_LEASE_MS)),
    };
    await tx.holdDailyRun(lease);
    return ok(lease);
  });
}

/**
 * Holds a date's daily cycle for one run (docs/domain/monitoring.md, "One run per date"): a second run of the same
 * date stops at once with `run_in_progress` naming the holder — or, with `waitMs`, waits for it to end and then
 * takes the date (finding its steps done). A run that crashed leaves a lease that lapses after `leaseMs`.
 */
export async function takeDailyRun(store: Store, asOf: BusinessDate, o: DailyLeaseOptions): Promise<Result<DailyHold>> {
  const token = randomBytes(9).toString('base64url');
  const deadline = performance.now() + (o.waitMs ?? 0);
  let r = await claim(store, asOf, token, o);
  while (!r.ok && r.error.code === 'run_in_progress' && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_POLL_MS, deadline - performance.now())));
    r = await claim(store, asOf, token, o);
  }
  if (!r.ok) return r;
  const leaseMs = o.leaseMs ?? DAILY_LEASE_MS;
  const heartbeat = setInterval(() => {
    claim(store, asOf, token, o).catch(() => {});
  }, leaseMs / 3);
  return ok({
    renew: () => claim(store, asOf, token, o),
    release: async () => {
      clearInterval(heartbeat);
      await store.transact((tx) => tx.releaseDailyRun(asOf, token));
    },
  });
}
