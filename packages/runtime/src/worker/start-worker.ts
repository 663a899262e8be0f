import { hostname } from 'node:os';
import { type Clock, type JobHandler, type JobRun, runNextJob, type Store } from '@credence/app';

/** Work a worker does on every tick besides the queue: returns how many things it did (e.g. webhooks sent). */
export interface Poller {
  readonly name: string;
  readonly poll: (store: Store, now: Date) => Promise<number>;
}

export interface WorkerOptions {
  /** Job kind → its work; the worker claims only these kinds. */
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly pollers?: readonly Poller[];
  readonly clock: Pick<Clock, 'now'>;
  /** The pause between ticks when nothing is due (default 1 s). */
  readonly intervalMs?: number;
  /** Stops the loop: the job running finishes first (its outcome is recorded), then `startWorker`'s promise resolves. */
  readonly signal: AbortSignal;
  /** This worker's name in job leases (default host:pid:random). */
  readonly name?: string;
  readonly leaseMs?: number;
  /** Each job run, and each failure of a poller or of the queue itself (the loop goes on). */
  readonly onRun?: (run: JobRun) => void;
  readonly onError?: (where: string, error: unknown) => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

/**
 * The background worker of `credence serve` and `credence worker`: each tick runs the pollers, then the due jobs
 * until none is left, then waits `intervalMs`. Any number of workers, in any number of processes, may share one
 * database: a job is claimed by one of them (SKIP LOCKED) under a lease (app `runNextJob`). The worker keeps no
 * state of its own. Resolves once `signal` has stopped it.
 */
export async function startWorker(store: Store, o: WorkerOptions): Promise<void> {
  const name = o.name ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const report = o.onError ?? (() => {});
  while (!o.signal.aborted) {
    for (const p of o.pollers ?? []) {
      if (o.signal.aborted) break;
      await p.poll(store, o.clock.now()).catch((e: unknown) => report(p.name, e));
    }
    while (!o.signal.aborted) {
      const run = await runNextJob(store, {
        handlers: o.handlers,
        worker: name,
        clock: o.clock,
        ...(o.leaseMs !== undefined ? { leaseMs: o.leaseMs } : {}),
      }).catch((e: unknown) => {
        report('jobs', e);
        return undefined;
      });
      if (run === undefined) break;
      o.onRun?.(run);
    }
    await sleep(o.intervalMs ?? 1_000, o.signal);
  }
}
