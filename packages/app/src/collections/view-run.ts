import type { BusinessDate } from '@credence/core';
import type { Store } from '../ports';
import type { Delivery, RecordedLetter } from './ports';

/** A run date's letters as recorded, with where each outbox entry stands and why the failed ones failed. */
export interface DunningRunView {
  readonly asOf: BusinessDate;
  readonly letters: readonly RecordedLetter[];
  /** The last attempt of each failed outbox entry, by outbox id. */
  readonly failures: ReadonlyMap<string, Delivery>;
}

/**
 * The letters recorded on a date (every run of the day, supplements included) and their deliveries: what is
 * pending, sent, written to the outbox directory or failed (the reason read only for the failed entries).
 */
export async function viewDunningRun(store: Store, asOf: BusinessDate): Promise<DunningRunView> {
  const letters = await store.lettersOn(asOf);
  const failed = new Set(letters.flatMap((l) => l.outbox.filter((e) => e.status === 'failed').map((e) => e.id)));
  const failures = new Map<string, Delivery>();
  const buyers = new Set(letters.filter((l) => l.outbox.some((e) => failed.has(e.id))).map((l) => l.letter.debtor.id));
  for (const buyerId of buyers)
    for (const d of await store.deliveriesOf(buyerId)) if (failed.has(d.outboxId)) failures.set(d.outboxId, d);
  return { asOf, letters, failures };
}
