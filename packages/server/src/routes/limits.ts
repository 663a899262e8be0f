import { decideLimitRequest, type LimitInput, requestLimit, setLimit } from '@credence/app';
import { type BusinessDate, type LimitEvent, limitState } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  Amount,
  AsOfQuery,
  asCurrency,
  asDate,
  BuyerParam,
  Currency,
  checkPositiveAmount,
  IsoDate,
  Money,
  minorUnits,
  moneyJson,
} from '../conventions';
import type { AppEnv } from '../deps';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, roleOf, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, READERS } from './access';
import { notFoundBuyer } from './buyers';

/** The credit policy in force, for the new-buyer limit rule. */
const creditOf = (c: Context<AppEnv>) => {
  const credit = c.var.deps.policies.check.credit;
  return credit !== undefined ? { credit } : {};
};

export const Event = z
  .object({
    id: z.number().int(),
    kind: z.enum(['request', 'approval', 'rejection', 'temporary']),
    limit: Money,
    validFrom: z.string(),
    expiresOn: z.string().optional(),
    by: z.string(),
    reason: z.string(),
    requestId: z.number().int().optional(),
    recordedOn: z.string(),
  })
  .openapi('LimitEvent');

export const eventJson = (e: LimitEvent) => ({
  id: e.id,
  kind: e.kind,
  limit: moneyJson(e.amount, e.currency),
  validFrom: e.validFrom,
  ...(e.expiresOn !== undefined ? { expiresOn: e.expiresOn } : {}),
  by: e.by,
  reason: e.reason,
  ...(e.requestId !== undefined ? { requestId: e.requestId } : {}),
  recordedOn: e.recordedOn,
});

const Limit = z
  .object({
    buyerId: z.string(),
    asOf: z.string(),
    current: z
      .object({
        limit: Money,
        kind: z.enum(['approved', 'temporary']),
        since: z.string(),
        expiresOn: z.string().optional(),
        approvedBy: z.string(),
        eventId: z.number().int(),
      })
      .nullable(),
    expired: z.object({ limit: Money, expiredOn: z.string() }).optional(),
    pending: z.array(Event),
    events: z.array(Event).openapi({ description: 'every limit event, in recording order (the audit trail)' }),
  })
  .openapi('Limit');

export const getLimit = defineRoute(
  READERS,
  createRoute({
    operationId: 'getLimit',
    method: 'get',
    path: '/buyers/{id}/limit',
    tags: ['limits'],
    summary: "A buyer's limit in force on a date, its pending requests and every limit event",
    request: { params: BuyerParam, query: AsOfQuery },
    responses: { 200: json(Limit, 'the limit'), ...problems(...SECURED, 'not-found') },
  }),
  async (c) => {
    const { store, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const asOf = asDate(c.req.valid('query').asOf ?? clock.today());
    if ((await store.getBuyer(id)) === undefined) return notFoundBuyer(id);
    const events = await store.limitEventsOf(id);
    const st = limitState(events, asOf);
    const cur = st.current;
    return c.json(
      {
        buyerId: id,
        asOf,
        current: cur
          ? {
              limit: moneyJson(cur.amount, cur.currency),
              kind: cur.kind,
              since: cur.since,
              ...(cur.expiresOn !== undefined ? { expiresOn: cur.expiresOn } : {}),
              approvedBy: cur.approvedBy,
              eventId: cur.eventId,
            }
          : null,
        ...(st.expired
          ? { expired: { limit: moneyJson(st.expired.amount, st.expired.currency), expiredOn: st.expired.expiredOn } }
          : {}),
        pending: st.pending.map(eventJson),
        events: events.map(eventJson),
      },
      200,
    );
  },
);

const Reasoned = { reason: z.string().min(1).max(2000).openapi({ example: 'two years of prompt payment' }) };

const LimitBody = z
  .object({
    amount: Amount,
    currency: Currency,
    ...Reasoned,
    validFrom: IsoDate.optional().openapi({ description: 'default: today' }),
  })
  .superRefine(checkPositiveAmount);

const written = (description: string) => ({ 201: json(Event, description) });

/** A limit body as app's input: the amount in minor units of its currency, from today unless dated. */
function limitInput(buyerId: string, b: z.infer<typeof LimitBody>, by: string, today: BusinessDate): LimitInput {
  const currency = asCurrency(b.currency);
  return {
    buyerId,
    amount: minorUnits(b.amount, currency),
    currency,
    validFrom: asDate(b.validFrom ?? today),
    by,
    reason: b.reason,
  };
}

export const requestBuyerLimit = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'requestLimit',
    method: 'post',
    path: '/buyers/{id}/limit-requests',
    tags: ['limits'],
    summary: 'Ask for a limit; another user approves or rejects it (four eyes)',
    request: { params: BuyerParam, body: { required: true, content: { 'application/json': { schema: LimitBody } } } },
    responses: {
      ...written('the request, recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const today = c.var.deps.clock.today();
    const input = limitInput(c.req.valid('param').id, c.req.valid('json'), userOf(c), today);
    const r = await requestLimit(writer(c), input, today);
    return r.ok ? c.json(eventJson(r.value), 201) : failureResponse(r.error);
  },
);

const RequestParams = BuyerParam.extend({
  requestId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'requestId', in: 'path' }, example: 1 }),
});

function answerRoute(approve: boolean) {
  const verb = approve ? 'approve' : 'reject';
  const Body = z.object({
    ...Reasoned,
    ...(approve
      ? {
          amount: Amount.optional().openapi({
            description: "another amount than requested, in the request's currency",
          }),
        }
      : {}),
  });
  return defineRoute(
    CREDIT,
    createRoute({
      operationId: `${verb}Limit`,
      method: 'post',
      path: `/buyers/{id}/limit-requests/{requestId}/${verb}`,
      tags: ['limits'],
      summary: `${approve ? 'Approve' : 'Reject'} a pending limit request (not your own)`,
      request: { params: RequestParams, body: { required: true, content: { 'application/json': { schema: Body } } } },
      responses: {
        ...written(`the ${approve ? 'approval' : 'rejection'}, recorded`),
        ...problems(...SECURED, ...WITH_BODY, 'not-allowed', 'not-found', 'rejected'),
      },
    }),
    async (c) => {
      const { id, requestId } = c.req.valid('param');
      const b = c.req.valid('json') as { reason: string; amount?: string };
      const r = await decideLimitRequest(
        writer(c),
        {
          buyerId: id,
          requestId,
          approve,
          by: userOf(c),
          reason: b.reason,
          ...(b.amount !== undefined ? { amount: b.amount } : {}),
        },
        c.var.deps.clock.today(),
        // A new buyer's limit above the first-order cap needs a credit manager (the credit policy).
        { ...creditOf(c), creditManager: roleOf(c) === 'credit_manager' },
      );
      return r.ok ? c.json(eventJson(r.value), 201) : failureResponse(r.error);
    },
  );
}

export const approveLimit = answerRoute(true);
export const rejectLimit = answerRoute(false);

const SetBody = z
  .object({
    amount: Amount,
    currency: Currency,
    ...Reasoned,
    validFrom: IsoDate.optional().openapi({ description: 'default: today' }),
    expiresOn: IsoDate.optional().openapi({ description: 'last day of a temporary limit' }),
  })
  .superRefine(checkPositiveAmount);

export const setBuyerLimit = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'setLimit',
    method: 'post',
    path: '/buyers/{id}/limit',
    tags: ['limits'],
    summary: "Set a buyer's limit directly (an approver's decision), or a temporary one with expiresOn",
    request: { params: BuyerParam, body: { required: true, content: { 'application/json': { schema: SetBody } } } },
    responses: {
      ...written('the limit, recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const today = c.var.deps.clock.today();
    const input = limitInput(c.req.valid('param').id, b, userOf(c), today);
    const r = await setLimit(
      writer(c),
      { ...input, ...(b.expiresOn !== undefined ? { expiresOn: asDate(b.expiresOn) } : {}) },
      today,
      { ...creditOf(c), creditManager: roleOf(c) === 'credit_manager' },
    );
    return r.ok ? c.json(eventJson(r.value), 201) : failureResponse(r.error);
  },
);
