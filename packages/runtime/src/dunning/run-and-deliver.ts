import { type DeliverySummary, type DunningRunResult, runDunning, type Store } from '@credence/app';
import type { Result } from '@credence/core';
import { deliverLetters, type LetterDelivery } from './deliver-letters';
import { letterMail } from './letter-mail';
import { writeLetters } from './write-letters';

export type DunningRunInput = Parameters<typeof runDunning>[1];

export interface DunningRunAndDelivery {
  readonly run: DunningRunResult;
  /** What was delivered after the run; undefined when nothing was to be delivered (a dry run). */
  readonly delivery: DeliverySummary | undefined;
}

/**
 * `credence dunning run`: the day's dunning (app `runDunning`), each letter also written to `out` when given (PDF,
 * HTML, .eml), then — with a `delivery` — what the outbox holds delivered (`deliverLetters`, dated the run's date).
 */
export async function runAndDeliverDunning(
  store: Store,
  day: DunningRunInput,
  how: {
    readonly out?: string | undefined;
    readonly delivery?: LetterDelivery | undefined;
    readonly templates?: string | undefined;
  },
): Promise<Result<DunningRunAndDelivery>> {
  const run = await runDunning(store, day);
  if (!run.ok) return run;
  if (how.out) await writeLetters(how.out, run.value.letters, letterMail(how.templates), day.company.mailFrom);
  const delivery = how.delivery ? await deliverLetters(store, how.delivery, day.asOf) : undefined;
  return { ok: true, value: { run: run.value, delivery } };
}
