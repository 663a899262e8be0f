import { enqueueRunDelivery, type Job, type JobState, jobState, jobStatus } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { asDate, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, writer } from '../route';
import { COLLECTION, JOB_READERS } from './access';

export const JobBody = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: 'dunning.deliver' }),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    payload: z.unknown(),
    runAt: z.string().openapi({ format: 'date-time', description: 'not before this instant' }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().optional().openapi({ description: 'why the last attempt failed' }),
    doneAt: z.string().optional(),
    failedAt: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('Job');

export const jobJson = (j: Job, state: JobState) => ({
  id: j.id,
  kind: j.kind,
  state,
  payload: j.payload,
  runAt: j.runAt.toISOString(),
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  ...(j.lastError !== undefined ? { lastError: j.lastError } : {}),
  ...(j.doneAt !== undefined ? { doneAt: j.doneAt.toISOString() } : {}),
  ...(j.failedAt !== undefined ? { failedAt: j.failedAt.toISOString() } : {}),
  createdAt: j.createdAt.toISOString(),
  createdBy: j.createdBy,
});

export const deliverRunRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'deliverDunningRun',
    method: 'post',
    path: '/dunning-runs/{asOf}/deliveries',
    tags: ['collections'],
    summary: "Queue the delivery of a run's letters (the worker sends them, as `credence dunning deliver`)",
    description:
      'One delivery job per run date: asking again while it is queued or running returns the same job; once it ' +
      'has finished, asking again queues it once more (letters a later run of the day added). Each outbox entry ' +
      'is sent once whichever worker runs the job. Follow the job at `GET /api/v1/jobs/{id}`.',
    request: {
      params: z.object({ asOf: IsoDate.openapi({ param: { name: 'asOf', in: 'path' } }) }),
    },
    responses: {
      202: json(JobBody, 'the delivery job, queued (or the one already queued or running)'),
      ...problems(...SECURED, 'not-found'),
    },
  }),
  async (c) => {
    const now = c.var.deps.clock.now();
    const r = await enqueueRunDelivery(writer(c), asDate(c.req.valid('param').asOf), now);
    if (!r.ok) return failureResponse(r.error);
    const { job } = r.value;
    c.header('location', `/api/v1/jobs/${job.id}`);
    return c.json(jobJson(job, jobState(job, now)), 202);
  },
);

export const getJob = defineRoute(
  JOB_READERS,
  createRoute({
    operationId: 'getJob',
    method: 'get',
    path: '/jobs/{id}',
    tags: ['jobs'],
    summary: 'A background job and where it stands: queued, running, done or failed',
    request: {
      params: z.object({
        id: z
          .string()
          .max(40)
          .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
      }),
    },
    responses: { 200: json(JobBody, 'the job'), ...problems(...SECURED, 'not-found') },
  }),
  async (c) => {
    const r = await jobStatus(c.var.deps.store, c.req.valid('param').id, c.var.deps.clock.now());
    if (!r.ok) return failureResponse(r.error);
    return c.json(jobJson(r.value, r.value.state), 200);
  },
);
