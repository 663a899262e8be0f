import type { BusinessDate } from '@credence/core';
import type { Store } from '../ports';
import type { Delivery, OutboxEntry, RecordedLetter } from './ports';

/** What the delivery adapter did with one outbox entry. */
export type DeliveryResult = Pick<Delivery, 'status' | 'channel' | 'detail'>;

export interface DeliverySummary {
  readonly attempted: number;
  readonly sent: number;
  readonly written: number;
  readonly failed: readonly (Delivery & { letterId: string })[];
}

/**
 * Delivers what the outbox holds (pending entries; with `retryFailed` the failed ones too), recording every
 * outcome, one transaction per entry, right after the attempt. An entry is only ever picked while pending,
 * so a delivery recorded is never repeated; the adapter gives each message an id of its own entry, so the
 * one window left — stopped after sending, before recording — resends the same message id.
 */
export async function deliverOutbox(
  store: Store,
  send: (entry: OutboxEntry, letter: RecordedLetter) => Promise<DeliveryResult>,
  today: BusinessDate,
  options: { retryFailed?: boolean } = {},
): Promise<DeliverySummary> {
  const entries = await store.outboxEntries(options.retryFailed ? ['pending', 'failed'] : ['pending']);
  const letters = new Map(
    (await store.findLetters([...new Set(entries.map((e) => e.letterId))])).map((l) => [l.letter.id, l]),
  );
  const summary = { attempted: 0, sent: 0, written: 0, failed: [] as (Delivery & { letterId: string })[] };
  for (const entry of entries) {
    const letter = letters.get(entry.letterId);
    if (letter === undefined) continue;
    let result: DeliveryResult;
    try {
      result = await send(entry, letter);
    } catch (e) {
      result = { status: 'failed', channel: entry.kind, detail: e instanceof Error ? e.message : String(e) };
    }
    const delivery: Delivery = { outboxId: entry.id, date: today, ...result };
    await store.transact((tx) => tx.recordDelivery(delivery));
    summary.attempted += 1;
    if (result.status === 'sent') summary.sent += 1;
    else if (result.status === 'written') summary.written += 1;
    else summary.failed.push({ ...delivery, letterId: entry.letterId });
  }
  return summary;
}
