import { enqueueStatementSend, jobState } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { COLLECTION } from './access';
import { JobBody, jobJson } from './jobs';

const SendBody = z
  .object({
    asOf: IsoDate.optional().openapi({
      description: 'the day of sending (default today): the statement of the month before it, closing on its last day',
    }),
  })
  .openapi('StatementSending', { example: { asOf: '2026-07-01' } });

const IDEMPOTENT =
  'Once per buyer and month: the worker sends a statement only if no `sent` record exists for the buyer and ' +
  'period (as `credence statement send` and the daily cycle), so asking twice sends once; asking again while ' +
  'the job is queued or running returns the same job. Follow it at `GET /api/v1/jobs/{id}` (done, or failed with ' +
  'the courier’s reason after its retries); the sending shows in `GET /buyers/{id}/statement/records`.';

/** `POST /buyers/{id}/statement/send` and `POST /statements/send`: a `statement.send` job the worker runs. */
const sendRoute = (scope: 'buyer' | 'key-accounts') =>
  defineRoute(
    COLLECTION,
    createRoute({
      operationId: scope === 'buyer' ? 'sendStatement' : 'sendKeyAccountStatements',
      method: 'post',
      path: scope === 'buyer' ? '/buyers/{id}/statement/send' : '/statements/send',
      tags: ['buyers'],
      summary:
        scope === 'buyer'
          ? "Queue the e-mail of a buyer's statement of the month just ended, in its language, with the PDF"
          : "Queue the e-mail of every key account's statement of the month just ended (`credence statement send`)",
      description:
        `${IDEMPOTENT} A date after today` +
        (scope === 'buyer'
          ? ' or a buyer without an e-mail address is rejected (422); an unknown buyer is 404.'
          : ' is rejected (422).'),
      request: {
        ...(scope === 'buyer' ? { params: BuyerParam } : {}),
        body: { required: true, content: { 'application/json': { schema: SendBody } } },
      },
      responses: {
        202: json(JobBody, 'the sending job, queued (or the one already queued or running)'),
        ...problems(...SECURED, ...WITH_BODY, ...(scope === 'buyer' ? (['not-found'] as const) : []), 'rejected'),
      },
    }),
    async (c) => {
      const { clock } = c.var.deps;
      const now = clock.now();
      const today = clock.today();
      const b = c.req.valid('json') as { asOf?: string };
      const buyerId = scope === 'buyer' ? (c.req.valid('param' as never) as { id: string }).id : undefined;
      const r = await enqueueStatementSend(
        writer(c),
        { asOf: b.asOf !== undefined ? asDate(b.asOf) : today, ...(buyerId !== undefined ? { buyerId } : {}) },
        now,
        today,
      );
      if (!r.ok) return failureResponse(r.error);
      const { job } = r.value;
      c.header('location', `/api/v1/jobs/${job.id}`);
      return c.json(jobJson(job, jobState(job, now)), 202);
    },
  );

export const sendStatementRoute = sendRoute('buyer');
export const sendKeyAccountStatementsRoute = sendRoute('key-accounts');
