import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import type { RecordedLetter } from './ports';
import { type DunningDay, runDunning } from './run-dunning';

/**
 * Sends a buyer's next letter today, out of the day's run (the web workspace's "send"): the letter a run of today
 * would send this buyer, recorded with its outbox entries as a run records it (a first run's hold does not apply:
 * the collector saw it and chose to send). A later run of the day finds it recorded and sends it again to nobody.
 * Fails with `document_conflict` (`already_sent`) when today's letter was recorded already, `not_found` when nothing of
 * the buyer is due a dunning level.
 */
export async function sendBuyerLetter(
  store: Store,
  x: Omit<DunningDay, 'asOf'> & { readonly buyerId: string },
  today: BusinessDate,
): Promise<Result<RecordedLetter>> {
  if ((await store.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
  const run = await runDunning(store, { ...x, asOf: today, today, dryRun: false, confirm: true });
  if (!run.ok) return run;
  const [sent] = run.value.letters;
  if (sent !== undefined) return ok(sent);
  const earlier = (await store.lettersOn(today)).find((l) => l.letter.debtor.id === x.buyerId);
  return earlier
    ? fail('document_conflict', { reason: 'already_sent', id: earlier.letter.id })
    : fail('not_found', { what: 'letter', id: x.buyerId });
}
