import type { BusinessDate } from '@credence/core';
import type { Store } from '../ports';
import { letterSentEvent } from '../webhooks/events';
import type { Delivery, OutboxEntry, RecordedLetter } from './ports';

/** What the delivery adapter did with one outbox entry. */
export type DeliveryResult = Pick<Delivery, 'status' | 'channel' | 'detail'>;

export interface DeliverySummary {
  readonly attempted: number;
  readonly sent: number;
  readonly written: number;
  readonly failed: readonly (Delivery & { letterId: string })[];
  /** Entries another delivery holds (or a stopped one left) and not yet due to be reclaimed. */
  readonly inFlight: number;
}

/** After this long an entry claimed by a delivery that never recorded its outcome (a crash) is tried again. */
export const RECLAIM_AFTER_SECONDS = 900;

/**
 * Delivers what the outbox holds (pending entries; with `retryFailed` the failed ones too), recording every
 * outcome. Each entry is first **claimed** in a transaction of its own (pending → sending), so two deliveries
 * running at once (a scheduled run and a manual one) never send the same entry; the outcome is recorded right
 * after the attempt. An entry left "sending" by a delivery that stopped between the two is claimed again after
 * `reclaimAfterSeconds` and sent with the same message id (the adapter derives it from the entry). With
 * `runDate`, only the entries of that run's letters (the worker's delivery job of one run).
 */
export async function deliverOutbox(
  store: Store,
  send: (entry: OutboxEntry, letter: RecordedLetter) => Promise<DeliveryResult>,
  today: BusinessDate,
  options: { retryFailed?: boolean; reclaimAfterSeconds?: number; runDate?: BusinessDate } = {},
): Promise<DeliverySummary> {
  const wanted: OutboxEntry['status'][] = options.retryFailed ? ['pending', 'failed'] : ['pending'];
  const open = new Set<OutboxEntry['status']>([...wanted, 'sending']);
  // One run's letters (its date), or whatever the outbox holds.
  const run = options.runDate === undefined ? undefined : await store.lettersOn(options.runDate);
  const entries =
    run === undefined
      ? await store.outboxEntries([...open])
      : run.flatMap((l) => l.outbox.filter((e) => open.has(e.status))).sort((a, b) => (a.id < b.id ? -1 : 1));
  const letters = new Map(
    (run ?? (await store.findLetters([...new Set(entries.map((e) => e.letterId))]))).map((l) => [l.letter.id, l]),
  );
  const summary = { attempted: 0, sent: 0, written: 0, failed: [] as (Delivery & { letterId: string })[], inFlight: 0 };
  const reclaim = options.reclaimAfterSeconds ?? RECLAIM_AFTER_SECONDS;
  for (const entry of entries) {
    const letter = letters.get(entry.letterId);
    if (letter === undefined) continue;
    if (!(await store.transact((tx) => tx.claimOutbox(entry.id, wanted, reclaim)))) {
      if (entry.status === 'sending') summary.inFlight += 1;
      continue;
    }
    let result: DeliveryResult;
    try {
      result = await send(entry, letter);
    } catch (e) {
      result = { status: 'failed', channel: entry.kind, detail: e instanceof Error ? e.message : String(e) };
    }
    const delivery: Delivery = { outboxId: entry.id, date: today, ...result };
    await store.transact(async (tx) => {
      await tx.recordDelivery(delivery);
      // Sent (not written to a file for someone to post): told to the webhooks, once per entry.
      if (result.status === 'sent') await tx.appendWebhookEvent(letterSentEvent(entry, letter, result.channel));
    });
    summary.attempted += 1;
    if (result.status === 'sent') summary.sent += 1;
    else if (result.status === 'written') summary.written += 1;
    else summary.failed.push({ ...delivery, letterId: entry.letterId });
  }
  return summary;
}
