import { type Clock, type Company, type JobHandler, STATEMENT_SEND, sendStatementsJob } from '@credence/app';
import type { Courier } from '../delivery/types';
import { policyInForce } from '../policy-in-force';
import { statementPost } from './deliver-statements';

/**
 * The worker's handler for the statement sendings the service queues (`POST /buyers/{id}/statement/send`,
 * `POST /statements/send`): e-mailed through the worker's courier as `credence statement send` does, recorded
 * and audited as the user who asked (the job's `createdBy`, on the API channel).
 */
export function statementHandlers(x: {
  courier: Courier;
  company: Company;
  clock: Pick<Clock, 'today'>;
}): Record<string, JobHandler> {
  return {
    [STATEMENT_SEND]: async (payload, { job, store }) => {
      const asked = store.withActor({ by: job.createdBy, channel: 'api' });
      await sendStatementsJob(asked, {
        payload,
        send: statementPost(x.courier, x.company),
        policy: (await policyInForce(store, 'check')).credit?.keyAccounts,
        by: job.createdBy,
        today: x.clock.today(),
      });
    },
  };
}
