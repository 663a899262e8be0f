import { buyerTimeline, setCreditHold } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { BuyerParam } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, READERS } from './access';

const TimelineEntry = z
  .object({
    date: z.string(),
    kind: z.string(),
    ref: z.string().optional(),
    by: z.string().optional(),
    summary: z.string().openapi({ description: 'the entry in English (see kind and params for other languages)' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).openapi({
      description:
        'what summary says, as fields for a catalogue keyed by kind: codes (reason, outcome, channel, status), ' +
        'dates, decimal amounts with their currency, lists of documents joined by ", "; free text as written',
    }),
  })
  .openapi('TimelineEntry');

export const getTimeline = defineRoute(
  READERS,
  createRoute({
    operationId: 'getTimeline',
    method: 'get',
    path: '/buyers/{id}/timeline',
    tags: ['buyers'],
    summary: 'Everything that happened in collecting with a buyer, in date order (as `credence buyer timeline`)',
    request: { params: BuyerParam },
    responses: {
      200: json(z.object({ buyerId: z.string(), entries: z.array(TimelineEntry) }).openapi('Timeline'), 'the timeline'),
      ...problems(...SECURED, 'not-found'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const r = await buyerTimeline(c.var.deps.store, id);
    if (!r.ok) return failureResponse(r.error);
    return c.json({ buyerId: id, entries: r.value.map((e) => ({ ...e, params: { ...e.params } })) }, 200);
  },
);

const HoldEvent = z
  .object({
    id: z.number().int(),
    buyerId: z.string(),
    action: z.enum(['hold', 'release']),
    reason: z.string(),
    by: z.string(),
    recordedOn: z.string(),
  })
  .openapi('HoldEvent');

function holdRoute(hold: boolean) {
  const verb = hold ? 'hold' : 'release';
  return defineRoute(
    CREDIT,
    createRoute({
      operationId: hold ? 'holdBuyer' : 'releaseBuyer',
      method: 'post',
      path: `/buyers/{id}/${verb}`,
      tags: ['credit'],
      summary: hold ? 'Put a buyer on credit hold (no shipping on credit)' : "Release a buyer's credit hold",
      request: {
        params: BuyerParam,
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ reason: z.string().min(1).max(2000) }) } },
        },
      },
      responses: {
        201: json(HoldEvent, 'recorded'),
        ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const r = await setCreditHold(
        writer(c),
        { buyerId: id, hold, reason: c.req.valid('json').reason, by: userOf(c) },
        c.var.deps.clock.today(),
      );
      return r.ok ? c.json({ ...r.value }, 201) : failureResponse(r.error);
    },
  );
}

export const holdBuyer = holdRoute(true);
export const releaseBuyer = holdRoute(false);
