import { type BusinessDate, type CollectionEvent, holdInForce } from '@credence/core';
import { dunningHoldReason, SYSTEM_HOLDERS } from '../credit/hold-reason';
import type { Store } from '../ports';
import { promiseBrokenEvent } from '../webhooks/events';
import type { RecordedLetter } from './ports';

/** Buyers recorded per transaction: each buyer's letters, outbox entries, outcomes and hold commit together. */
export const BUYERS_PER_TRANSACTION = 200;

/**
 * Records the run by groups of whole buyers, one transaction each: a buyer's commitment outcomes, letters with
 * their outbox entries and a credit hold the ladder calls for are never split, so a run stopped between two
 * transactions is finished by the next run of the date, which finds these buyers' letters recorded.
 */
export async function recordRun(
  store: Store,
  letters: readonly RecordedLetter[],
  events: readonly CollectionEvent[],
  asOf: BusinessDate,
  perTransaction: number,
) {
  const ids = [...new Set([...letters.map((l) => l.letter.debtor.id), ...events.map((e) => e.buyerId)])].sort();
  for (let i = 0; i < ids.length; i += perTransaction) {
    const group = new Set(ids.slice(i, i + perTransaction));
    await store.transact(async (tx) => {
      const outcomes = events.filter((e) => group.has(e.buyerId));
      await tx.appendCollectionEvents(outcomes);
      // A promise is found broken once (collection_events_once), and its event carries a key of its own besides.
      for (const e of outcomes) if (e.kind === 'promise_broken') await tx.appendWebhookEvent(promiseBrokenEvent(e));
      const mine = letters.filter((l) => group.has(l.letter.debtor.id));
      await tx.insertLetters(mine);
      for (const hold of mine.filter((l) => l.letter.channel === 'credit_hold' || l.letter.hold === true)) {
        const buyerId = hold.letter.debtor.id;
        if (holdInForce(await tx.holdsOf(buyerId), asOf) === undefined)
          await tx.appendHold({
            buyerId,
            action: 'hold',
            reason: dunningHoldReason(hold.letter.levelId),
            by: SYSTEM_HOLDERS.dunning,
            recordedOn: asOf,
          });
      }
    });
  }
}
