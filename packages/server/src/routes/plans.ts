import { createPlan, DEFAULT_GRACE_DAYS, type InstalmentSpec } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { COLLECTION } from './access';
import { Plan, planJson } from './collection-lists';

const Id = z.string().min(1).max(200);

const PlanBody = z
  .object({
    documents: z.array(Id).min(1).max(1000).openapi({ description: 'open invoices of the buyer, in one currency' }),
    instalments: z
      .array(z.object({ date: IsoDate, amount: Amount }))
      .min(1)
      .max(120)
      .optional()
      .openapi({ description: 'each instalment; they must add up to the open balance today' }),
    monthly: z
      .object({ count: z.number().int().min(1).max(120), first: IsoDate })
      .optional()
      .openapi({ description: 'or: this many equal monthly instalments from `first`' }),
    graceDays: z.number().int().min(0).max(60).optional().openapi({ description: 'per instalment; default 5' }),
    notes: z.string().max(4000).optional(),
  })
  .refine((b) => (b.instalments === undefined) !== (b.monthly === undefined), {
    message: 'give instalments, or monthly (not both)',
    path: ['instalments'],
  })
  .openapi('PlanRequest');

export const createPlanRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'createPlan',
    method: 'post',
    path: '/buyers/{id}/plans',
    tags: ['collections'],
    summary: "Agree a payment plan: instalments replace the invoices' due dates for dunning (`credence plan create`)",
    request: { params: BuyerParam, body: { required: true, content: { 'application/json': { schema: PlanBody } } } },
    responses: {
      201: json(Plan, 'agreed'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const spec: InstalmentSpec = b.monthly
      ? { kind: 'monthly', count: b.monthly.count, first: asDate(b.monthly.first) }
      : {
          kind: 'explicit',
          instalments: (b.instalments ?? []).map((i) => ({ date: asDate(i.date), amount: i.amount })),
        };
    const r = await createPlan(
      writer(c),
      {
        buyerId: id,
        documents: b.documents,
        spec,
        graceDays: b.graceDays ?? DEFAULT_GRACE_DAYS.plan,
        notes: b.notes ?? '',
        by: userOf(c),
      },
      c.var.deps.clock.today(),
    );
    return r.ok ? c.json(planJson(r.value), 201) : failureResponse(r.error);
  },
);
