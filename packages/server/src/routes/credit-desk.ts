import { listCheckResults, listLimitRequests } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { CREDIT_DESK } from './access';
import { reasonJson } from './credit-checks';
import { LangQuery, langOf, Reason } from './lang';
import { Event, eventJson } from './limits';

// The credit desk (issue 13, item 5): what waits for a credit manager across all buyers.

const param = (name: string) => ({ param: { name, in: 'query' as const } });
const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ ...param('limit'), description: 'a page of at most this many (default 50)' }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ ...param('offset'), description: 'rows to skip (default 0)' }),
});
const Page = { total: z.number().int(), limit: z.number().int(), offset: z.number().int() };

const WaitingRequest = z
  .object({
    request: Event,
    buyerId: z.string(),
    buyerName: z.string().optional(),
    current: z
      .object({
        limit: Money,
        kind: z.enum(['approved', 'temporary']),
        since: z.string(),
        expiresOn: z.string().optional(),
      })
      .nullable()
      .openapi({ description: "the buyer's limit in force on asOf; null when there is none" }),
    ageDays: z.number().int().openapi({ description: 'days since the request was recorded' }),
  })
  .openapi('WaitingLimitRequest');

export const listLimitRequestsRoute = defineRoute(
  CREDIT_DESK,
  createRoute({
    operationId: 'listLimitRequests',
    method: 'get',
    path: '/limit-requests',
    tags: ['limits'],
    summary: 'Limit requests waiting for an answer, across all buyers, oldest first (a page at a time)',
    request: { query: AsOfQuery.merge(PageQuery) },
    responses: {
      200: json(
        z.object({ asOf: z.string(), requests: z.array(WaitingRequest), ...Page }).openapi('WaitingLimitRequests'),
        'the requests',
      ),
      ...problems(...SECURED, 'rejected'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const r = await listLimitRequests(c.var.deps.store, asOf, {
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
      ...(q.offset !== undefined ? { offset: q.offset } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    return c.json(
      {
        asOf: v.asOf,
        requests: v.requests.map((x) => ({
          request: eventJson(x.request),
          buyerId: x.request.buyerId,
          ...(x.buyerName !== undefined ? { buyerName: x.buyerName } : {}),
          current: x.current
            ? {
                limit: moneyJson(x.current.amount, x.current.currency),
                kind: x.current.kind,
                since: x.current.since,
                ...(x.current.expiresOn !== undefined ? { expiresOn: x.current.expiresOn } : {}),
              }
            : null,
          ageDays: x.ageDays,
        })),
        total: v.total,
        limit: v.limit,
        offset: v.offset,
      },
      200,
    );
  },
);

const CheckResult = z
  .object({
    id: z.number().int(),
    buyerId: z.string(),
    buyerName: z.string().optional(),
    orderId: z.string().optional(),
    asOf: z.string(),
    decision: z.enum(['hold', 'refer']),
    order: Money,
    exposure: z.object({ openReceivables: Money, openOrders: Money, deliveredNotInvoiced: Money, afterOrder: Money }),
    limit: Money.nullable(),
    reasons: z.array(Reason),
    checkedBy: z.string(),
    checkedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('CreditCheckResult');

const ResultsQuery = PageQuery.merge(LangQuery).extend({
  decision: z
    .enum(['hold', 'refer'])
    .optional()
    .openapi({ ...param('decision'), description: 'only holds, or only referrals' }),
  from: IsoDate.optional().openapi({ ...param('from'), description: 'checks as of this date or later' }),
  to: IsoDate.optional().openapi({ ...param('to'), description: 'checks as of this date or earlier' }),
});

export const listCheckResultsRoute = defineRoute(
  CREDIT_DESK,
  createRoute({
    operationId: 'listCreditChecks',
    method: 'get',
    path: '/credit-checks',
    tags: ['credit'],
    summary: "The credit check's holds and referrals, newest first (approvals are not kept)",
    request: { query: ResultsQuery },
    responses: {
      200: json(z.object({ results: z.array(CheckResult), ...Page }).openapi('CreditCheckResults'), 'the results'),
      ...problems(...SECURED, 'rejected'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const r = await listCheckResults(c.var.deps.store, {
      ...(q.decision !== undefined ? { decision: q.decision } : {}),
      ...(q.from !== undefined ? { from: asDate(q.from) } : {}),
      ...(q.to !== undefined ? { to: asDate(q.to) } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
      ...(q.offset !== undefined ? { offset: q.offset } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const lang = langOf(q);
    return c.json(
      {
        results: r.value.results.map((x) => ({
          id: x.id,
          buyerId: x.buyerId,
          ...(x.buyerName !== undefined ? { buyerName: x.buyerName } : {}),
          ...(x.orderId !== undefined ? { orderId: x.orderId } : {}),
          asOf: x.asOf,
          decision: x.decision,
          order: moneyJson(x.orderAmount, x.currency),
          exposure: {
            openReceivables: moneyJson(x.openReceivables, x.currency),
            openOrders: moneyJson(x.openOrders, x.currency),
            deliveredNotInvoiced: moneyJson(x.deliveredNotInvoiced, x.currency),
            afterOrder: moneyJson(x.exposureAfter, x.currency),
          },
          limit: x.limit === undefined ? null : moneyJson(x.limit, x.currency),
          reasons: x.reasons.map((y) => reasonJson(y, x.currency, lang)),
          checkedBy: x.checkedBy,
          checkedAt: x.checkedAt.toISOString(),
        })),
        total: r.value.total,
        limit: r.value.limit,
        offset: r.value.offset,
      },
      200,
    );
  },
);
