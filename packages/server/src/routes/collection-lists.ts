import { listDisputes, listPlans, listPromises } from '@credence/app';
import type { PaymentPlan } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { Money, moneyJson } from '../conventions';
import { defineRoute, json, problems, SECURED } from '../route';
import { REPORTERS } from './access';
import { Dispute, PromiseMade } from './collections';

/** `?buyerId=&open=true`: of one buyer or all; only the open (active) ones or all (as `credence … list`). */
const ListQuery = z.object({
  buyerId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'buyerId', in: 'query' } }),
  open: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'open', in: 'query' }, description: 'only the open (active) ones' }),
});

const queryOf = (q: z.infer<typeof ListQuery>) => ({
  ...(q.buyerId !== undefined ? { buyerId: q.buyerId } : {}),
  openOnly: q.open === 'true',
});

const Resolution = z.object({
  date: z.string(),
  outcome: z.string(),
  creditNote: z.string().optional(),
  accepted: Money.optional().openapi({ description: "what was accepted: the credit note's amount" }),
  notes: z.string(),
  by: z.string(),
});

const DisputeList = z
  .object({ disputes: z.array(Dispute.extend({ resolution: Resolution.optional() })) })
  .openapi('DisputeList');

export const listDisputesRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'listDisputes',
    method: 'get',
    path: '/disputes',
    tags: ['collections'],
    summary: 'Disputes with their resolution, in the order they were opened (as `credence dispute list`)',
    request: { query: ListQuery },
    responses: { 200: json(DisputeList, 'the disputes'), ...problems(...SECURED) },
  }),
  async (c) => {
    const rows = await listDisputes(c.var.deps.store, queryOf(c.req.valid('query')));
    return c.json(
      {
        disputes: rows.map((d) => {
          const r = d.resolution;
          return {
            id: d.id,
            buyerId: d.buyerId,
            date: d.date,
            documents: [...d.documents],
            reason: d.reason,
            owner: d.owner,
            notes: d.notes,
            by: d.by,
            ...(r
              ? {
                  resolution: {
                    date: r.date,
                    outcome: r.outcome,
                    ...(r.creditNote !== undefined ? { creditNote: r.creditNote } : {}),
                    ...(r.accepted !== undefined && d.acceptedCurrency !== undefined
                      ? { accepted: moneyJson(r.accepted, d.acceptedCurrency) }
                      : {}),
                    notes: r.notes,
                    by: r.by,
                  },
                }
              : {}),
          };
        }),
      },
      200,
    );
  },
);

const PromiseList = z
  .object({
    promises: z.array(
      PromiseMade.extend({
        status: z.enum(['open', 'kept', 'broken']),
        settledOn: z.string().optional().openapi({ description: 'when it was found kept or broken' }),
      }),
    ),
  })
  .openapi('PromiseList');

export const listPromisesRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'listPromises',
    method: 'get',
    path: '/promises',
    tags: ['collections'],
    summary: 'Promises to pay with their state (open, kept, broken), in the order they were made',
    request: { query: ListQuery },
    responses: { 200: json(PromiseList, 'the promises'), ...problems(...SECURED) },
  }),
  async (c) => {
    const rows = await listPromises(c.var.deps.store, queryOf(c.req.valid('query')));
    return c.json(
      {
        promises: rows.map((p) => ({
          id: p.id,
          buyerId: p.buyerId,
          date: p.date,
          amount: moneyJson(p.amount, p.currency),
          promisedDate: p.promisedDate,
          graceDays: p.graceDays,
          documents: [...p.documents],
          notes: p.notes,
          by: p.by,
          status: p.status,
          ...(p.settledOn !== undefined ? { settledOn: p.settledOn } : {}),
        })),
      },
      200,
    );
  },
);

export const Plan = z
  .object({
    id: z.string(),
    buyerId: z.string(),
    date: z.string().openapi({ description: 'the day it was agreed' }),
    documents: z.array(z.string()),
    instalments: z.array(z.object({ date: z.string(), amount: Money })),
    graceDays: z.number().int(),
    notes: z.string(),
    by: z.string(),
    status: z.enum(['active', 'broken', 'completed']),
    endedOn: z.string().optional(),
    missed: z.string().optional().openapi({ description: 'the instalment missed (broken)' }),
  })
  .openapi('PaymentPlan');

export const planJson = (p: Omit<PaymentPlan, 'status'> & Partial<Pick<PaymentPlan, 'status'>>) => ({
  id: p.id,
  buyerId: p.buyerId,
  date: p.date,
  documents: [...p.documents],
  instalments: p.instalments.map((i) => ({ date: i.date, amount: moneyJson(i.amount, p.currency) })),
  graceDays: p.graceDays,
  notes: p.notes,
  by: p.by,
  status: p.status ?? ('active' as const),
  ...(p.endedOn !== undefined ? { endedOn: p.endedOn } : {}),
  ...(p.missed !== undefined ? { missed: p.missed } : {}),
});

export const listPlansRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'listPlans',
    method: 'get',
    path: '/plans',
    tags: ['collections'],
    summary: 'Payment plans with their state (active, broken, completed), in the order they were agreed',
    request: { query: ListQuery },
    responses: {
      200: json(z.object({ plans: z.array(Plan) }).openapi('PlanList'), 'the plans'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const rows = await listPlans(c.var.deps.store, queryOf(c.req.valid('query')));
    return c.json({ plans: rows.map(planJson) }, 200);
  },
);
