import { type BusinessDate, fail, ok, parseDate, type Result } from '@credence/core';
import { enqueueJob } from '../jobs/enqueue-job';
import type { Job } from '../jobs/ports';
import type { Store } from '../ports';
import { type DeliveryResult, type DeliverySummary, deliverOutbox } from './deliver-outbox';
import type { OutboxEntry, RecordedLetter } from './ports';

/** The job kind that delivers one dunning run's letters (`POST /api/v1/dunning-runs/{asOf}/deliveries`). */
export const RUN_DELIVERY = 'dunning.deliver';

/** One delivery job per run date: asking again while it is queued or running returns it. */
export const runDeliveryKey = (asOf: BusinessDate) => `${RUN_DELIVERY}:${asOf}`;

/** Queues the delivery of the letters a run recorded on `asOf`; not_found when no letter has that date. */
export async function enqueueRunDelivery(
  store: Store,
  asOf: BusinessDate,
  now: Date,
): Promise<Result<{ job: Job; created: boolean }>> {
  if ((await store.lettersOn(asOf)).length === 0) return fail('not_found', { what: 'dunning run', id: asOf });
  return ok(
    await enqueueJob(store, { kind: RUN_DELIVERY, payload: { asOf }, dedupKey: runDeliveryKey(asOf), runAt: now }),
  );
}

/**
 * The job's work: delivers the run's pending entries and retries its failed ones (deliverOutbox: each entry
 * claimed, so it is sent once however many workers run the job). Throws when some still failed, so that the
 * queue tries again with backoff and in the end records the job failed with the reasons.
 */
export async function deliverRun(
  store: Store,
  send: (entry: OutboxEntry, letter: RecordedLetter) => Promise<DeliveryResult>,
  payload: unknown,
  today: BusinessDate,
): Promise<DeliverySummary> {
  const asOf = (payload as { asOf?: unknown } | null)?.asOf;
  const runDate = typeof asOf === 'string' ? parseDate(asOf) : undefined;
  if (runDate === undefined || !runDate.ok) throw new Error(`not a run delivery: ${JSON.stringify(payload)}`);
  const summary = await deliverOutbox(store, send, today, { runDate: runDate.value, retryFailed: true });
  if (summary.failed.length > 0) {
    const first = summary.failed[0];
    throw new Error(`${summary.failed.length} of ${summary.attempted} failed; ${first?.outboxId}: ${first?.detail}`);
  }
  return summary;
}
