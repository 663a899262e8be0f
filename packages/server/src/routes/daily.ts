import { DAILY_JOB, enqueueDailyCycle } from '@credence/app';
import { dailyStatus } from '@credence/app/daily';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, writer } from '../route';
import { CREDIT_DESK, JOB_READERS } from './access';

// The daily cycle (docs/domain/monitoring.md): queued for the service's workers, its steps' state per date.

const Figures = z
  .object({
    counts: z.record(z.string(), z.number()),
    by: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  })
  .openapi('DailyFigures');

const DailyStepJson = z
  .object({
    step: z.string().openapi({ example: 'alerts' }),
    status: z
      .enum(['done_before', 'failed', 'not_run'])
      .openapi({ description: 'done, failed (the next run resumes here) or not run yet' }),
    ms: z.number().int(),
    figures: Figures.optional(),
    error: z.string().optional(),
    attempts: z.number().int(),
    finishedAt: z.string().optional(),
  })
  .openapi('DailyStep');

const DailyStatusJson = z
  .object({
    asOf: z.string(),
    state: z.enum(['done', 'failed', 'partial', 'not_run']),
    steps: z.array(DailyStepJson),
  })
  .openapi('DailyStatus');

const DailyJob = z
  .object({
    asOf: z.string(),
    job: z.object({ id: z.string(), kind: z.string().openapi({ example: DAILY_JOB }), created: z.boolean() }),
  })
  .openapi('DailyJob');

export const runDailyRoute = defineRoute(
  CREDIT_DESK,
  createRoute({
    operationId: 'runDaily',
    method: 'post',
    path: '/daily/run',
    tags: ['monitoring'],
    summary: "Queue the date's daily cycle (re-grade, reviews, alerts, cash matching, dunning) for the workers",
    description:
      'One job per date: asking again while it is queued or running returns the same job; once it has finished, ' +
      'asking again queues it once more and its run skips the steps done (a failed step runs again). Follow it at ' +
      '`GET /api/v1/daily/{date}` or `GET /api/v1/jobs/{id}`. The service also queues it itself at the time of day ' +
      "of the company settings' `daily`.",
    request: { query: AsOfQuery },
    responses: {
      202: json(DailyJob, 'the job, queued (or the one already queued or running)'),
      ...problems(...SECURED, 'rejected'),
    },
  }),
  async (c) => {
    const { clock } = c.var.deps;
    const today = clock.today();
    const asOf = asDate(c.req.valid('query').asOf ?? today);
    const r = await enqueueDailyCycle(writer(c), { asOf, today, now: clock.now() });
    if (!r.ok) return failureResponse(r.error);
    c.header('location', `/api/v1/daily/${asOf}`);
    return c.json({ asOf, job: { id: r.value.job.id, kind: r.value.job.kind, created: r.value.created } }, 202);
  },
);

export const getDailyRoute = defineRoute(
  JOB_READERS,
  createRoute({
    operationId: 'getDaily',
    method: 'get',
    path: '/daily/{asOf}',
    tags: ['monitoring'],
    summary: "Where a date's daily cycle stands: each step done (with its figures and time), failed, or not run",
    request: { params: z.object({ asOf: IsoDate.openapi({ param: { name: 'asOf', in: 'path' } }) }) },
    responses: { 200: json(DailyStatusJson, 'the steps of the date'), ...problems(...SECURED) },
  }),
  async (c) => {
    const s = await dailyStatus(c.var.deps.store, asDate(c.req.valid('param').asOf));
    return c.json(
      {
        asOf: s.asOf,
        state: s.state,
        steps: s.steps.map((x) => ({
          step: x.step,
          status: x.status as 'done_before' | 'failed' | 'not_run',
          ms: x.ms,
          ...(x.figures !== undefined
            ? { figures: { counts: { ...x.figures.counts }, ...(x.figures.by ? { by: { ...x.figures.by } } : {}) } }
            : {}),
          ...(x.error !== undefined ? { error: x.error } : {}),
          attempts: x.attempts,
          ...(x.finishedAt !== undefined ? { finishedAt: x.finishedAt } : {}),
        })),
      },
      200,
    );
  },
);
