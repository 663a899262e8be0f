import { type Company, type DeliverySummary, deliverOutbox, type Store } from '@credence/app';
import type { BusinessDate, RateTables } from '@credence/core';
import type { Courier } from '../delivery/types';
import { letterMail } from './letter-mail';
import { letterPost } from './letter-post';

/** How letters leave: the courier for e-mails, the outbox directory for printed letters and case files. */
export interface LetterDelivery {
  readonly courier: Courier;
  /** Printed letters go to `<outbox>/print`, case files to `<outbox>/cases`. */
  readonly outbox: string;
  readonly company: Company;
  /** Reference rates, for the case files' interest. */
  readonly rates: RateTables;
  /** Letter templates; default the shipped ones. */
  readonly templates?: string | undefined;
}

export interface DeliverLettersOptions {
  /** Also try the failed entries again. */
  readonly retryFailed?: boolean;
  /** Retry an entry left "sending" by a delivery that stopped, after this long (default app's 900 s). */
  readonly reclaimAfterSeconds?: number;
}

/**
 * Delivers what the dunning outbox holds (`credence dunning deliver`, and the deliveries after `dunning run`): each
 * entry claimed, rendered (@credence/letters) and handed to the courier or written to the outbox directory, its
 * outcome recorded (app `deliverOutbox`; two deliveries at once never send one entry twice). `date` is the date the
 * deliveries are recorded on. The courier stays open: its owner closes it.
 */
export function deliverLetters(
  store: Store,
  delivery: LetterDelivery,
  date: BusinessDate,
  options: DeliverLettersOptions = {},
): Promise<DeliverySummary> {
  const { courier, outbox, company, rates } = delivery;
  const send = letterPost({ store, courier, render: letterMail(delivery.templates), outbox, company, rates });
  return deliverOutbox(store, send, date, {
    ...(options.retryFailed !== undefined ? { retryFailed: options.retryFailed } : {}),
    ...(options.reclaimAfterSeconds !== undefined ? { reclaimAfterSeconds: options.reclaimAfterSeconds } : {}),
  });
}
