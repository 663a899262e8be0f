import { type Clock, type Company, deliverRun, type JobHandler, RUN_DELIVERY } from '@credence/app';
import type { RateTables } from '@credence/core';
import type { Courier } from '../delivery/types';
import { letterMail } from '../dunning/letter-mail';
import { letterPost } from '../dunning/letter-post';

/**
 * The worker's handlers for letter delivery: a dunning run's letters through the courier (SMTP, or .eml files)
 * and into the outbox directory, as `credence dunning deliver` does (app `deliverRun`, runtime `letterPost`).
 */
export function deliveryHandlers(x: {
  courier: Courier;
  outbox: string;
  company: Company;
  rates: RateTables;
  clock: Pick<Clock, 'today'>;
}): Record<string, JobHandler> {
  return {
    [RUN_DELIVERY]: async (payload, { store }) => {
      const send = letterPost({
        store,
        courier: x.courier,
        render: letterMail(),
        outbox: x.outbox,
        company: x.company,
        rates: x.rates,
      });
      await deliverRun(store, send, payload, x.clock.today());
    },
  };
}
