import { viewDunningRun } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { asDate, IsoDate } from '../conventions';
import { defineRoute, json, problems, SECURED } from '../route';
import { COLLECTION } from './access';
import {
  DeliveryStatus,
  deliveryStatus,
  LetterSummary,
  LevelTotals,
  letterSummary,
  levelTotals,
} from './dunning-letters-json';

const RunLetters = z
  .object({
    asOf: z.string().openapi({ format: 'date' }),
    letters: z.array(LetterSummary.extend({ deliveries: z.array(DeliveryStatus) })),
    byLevel: LevelTotals,
    deliveries: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'outbox entries by status (pending, sending, sent, written, failed)' }),
  })
  .openapi('DunningRunLetters');

export const getDunningRun = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'getDunningRun',
    method: 'get',
    path: '/dunning-runs/{asOf}',
    tags: ['collections'],
    summary:
      'The letters recorded on a date and their deliveries: pending, sent, written to the outbox or failed (why)',
    description:
      'Every letter the runs of the date recorded (supplements included), each with its outbox entries. A date ' +
      'without a run answers no letters. Follow a delivery job with `GET /api/v1/jobs/{id}` and this route.',
    request: { params: z.object({ asOf: IsoDate.openapi({ param: { name: 'asOf', in: 'path' } }) }) },
    responses: { 200: json(RunLetters, "the date's letters"), ...problems(...SECURED) },
  }),
  async (c) => {
    const v = await viewDunningRun(c.var.deps.store, asDate(c.req.valid('param').asOf));
    const letters = v.letters.map((r) => ({
      ...letterSummary(r.letter),
      deliveries: r.outbox.map((e) => deliveryStatus(e, v.failures.get(e.id))),
    }));
    const deliveries: Record<string, number> = { pending: 0, sending: 0, sent: 0, written: 0, failed: 0 };
    for (const e of v.letters.flatMap((r) => r.outbox)) deliveries[e.status] = (deliveries[e.status] ?? 0) + 1;
    return c.json({ asOf: v.asOf, letters, byLevel: levelTotals(v.letters.map((r) => r.letter)), deliveries }, 200);
  },
);
