import { type Clock, type Company, type JobHandler, type JobRun, type Store, webhookPoller } from '@credence/app';
import type { RateTables } from '@credence/core';
import { outboxDir } from '../company';
import { dailyScheduleOf } from '../daily/daily-context';
import { dailyHandler, dailyPoller } from '../daily/daily-worker';
import { courierFromEnv } from '../delivery/courier-from-env';
import type { Env } from '../env';
import { statementHandlers } from '../statements/statement-job';
import { deliveryHandlers } from './run-delivery-job';
import { type Poller, startWorker } from './start-worker';

export interface RunWorker {
  readonly env: Env;
  readonly clock: Clock;
  /** Without company settings the letter-delivery jobs are left to a worker that has them. */
  readonly company?: Company;
  readonly rates: RateTables;
  /** Default: the webhook dispatcher (`webhookPoller`). */
  readonly pollers?: readonly Poller[];
  readonly intervalMs?: number;
  readonly signal: AbortSignal;
  /** One line per job run and per failure. */
  readonly log: (line: string) => void;
}

const describeRun = ({ job, outcome }: JobRun) =>
  `job ${job.id} ${job.kind} (attempt ${job.attempts}): ${outcome.kind}` +
  (outcome.kind === 'done' ? '' : ` — ${outcome.error}`) +
  (outcome.kind === 'retry' ? ` (again at ${outcome.runAt.toISOString()})` : '');

/**
 * The worker of `credence worker` and `credence serve`: the job handlers this process can run (letter and
 * statement delivery through the courier of the environment: SMTP from `CREDENCE_SMTP_*`, else .eml files in `CREDENCE_OUTBOX`) and
 * the pollers (the webhook deliveries that are due), until `signal`. Closes the courier at the end.
 */
export async function runWorker(store: Store, x: RunWorker): Promise<void> {
  const outbox = outboxDir(undefined, x.env);
  const courier = x.company !== undefined ? courierFromEnv(x.env, outbox) : undefined;
  const handlers: Record<string, JobHandler> =
    courier !== undefined && x.company !== undefined
      ? {
          ...deliveryHandlers({ courier, outbox, company: x.company, rates: x.rates, clock: x.clock }),
          ...dailyHandler({ company: x.company, rates: x.rates, clock: x.clock, courier }),
          ...statementHandlers({ courier, company: x.company, clock: x.clock }),
        }
      : {};
  if (courier === undefined)
    x.log('worker: no company settings: letter delivery and the daily cycle are left to a worker that has them');
  // The daily cycle at the company's time of day (its settings' `daily`), queued once per date.
  const schedule = x.company !== undefined ? await dailyScheduleOf(x.company) : undefined;
  const pollers = [
    ...(x.pollers ?? [webhookPoller]),
    ...(schedule !== undefined ? [dailyPoller(schedule, x.env.CREDENCE_TZ)] : []),
  ];
  if (schedule?.enabled)
    x.log(
      `worker: the daily cycle starts at ${schedule.at} (${schedule.timeZone ?? x.env.CREDENCE_TZ ?? 'the machine time zone'})`,
    );
  try {
    await startWorker(store, {
      handlers,
      pollers,
      clock: x.clock,
      signal: x.signal,
      ...(x.intervalMs !== undefined ? { intervalMs: x.intervalMs } : {}),
      onRun: (run) => x.log(`worker: ${describeRun(run)}`),
      onError: (where, e) => x.log(`worker: ${where}: ${e instanceof Error ? e.message : String(e)}`),
    });
  } finally {
    await courier?.close();
  }
}
