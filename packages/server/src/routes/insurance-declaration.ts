import { insuranceReport } from '@credence/app/insurance';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, AsOfQuery, asDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { READERS } from './access';
import { dec } from './insurance-reports';

// The monthly declaration to the insurer (`credence insurance report --as-of D --format json`).

const Declaration = z
  .object({
    policyNumber: z.string(),
    currency: z.string(),
    month: z.string().openapi({ description: 'YYYY-MM: the month of asOf, declared from its first day to asOf' }),
    from: z.string(),
    asOf: z.string(),
    turnover: z.array(
      z.object({ buyerId: z.string(), country: z.string(), invoices: z.number().int(), amount: Amount }),
    ),
    byCountry: z.array(z.object({ country: z.string(), invoices: z.number().int(), amount: Amount })),
    totalTurnover: Amount,
    overdue: z.array(
      z.object({
        buyerId: z.string(),
        country: z.string(),
        open: Amount,
        invoices: z.array(
          z.object({
            invoiceId: z.string(),
            invoiceDate: z.string(),
            originalDueDate: z.string(),
            daysOverdue: z.number().int(),
            open: Amount,
          }),
        ),
      }),
    ),
  })
  .openapi('InsuranceDeclaration');

export const insuranceReportRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'insuranceReport',
    method: 'get',
    path: '/insurance/report',
    tags: ['insurance'],
    summary:
      "The monthly declaration: the month's turnover per buyer and country, the overdue per buyer with original due dates (`credence insurance report`)",
    request: {
      query: AsOfQuery.extend({
        policy: z
          .string()
          .min(1)
          .max(64)
          .optional()
          .openapi({ param: { name: 'policy', in: 'query' }, description: 'the policy number; default: the only one' }),
      }),
    },
    responses: {
      200: json(Declaration, 'the declaration; amounts in the policy currency'),
      ...problems(...SECURED, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const r = await insuranceReport(c.var.deps.store, {
      asOf,
      ...(q.policy !== undefined ? { policyNumber: q.policy } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const d = r.value;
    const m = (x: bigint) => dec(x, d.currency);
    return c.json(
      {
        policyNumber: d.policyNumber,
        currency: d.currency,
        month: d.month,
        from: d.from,
        asOf: d.asOf,
        turnover: d.turnover.map((t) => ({ ...t, amount: m(t.amount) })),
        byCountry: d.byCountry.map((x) => ({ ...x, amount: m(x.amount) })),
        totalTurnover: m(d.totalTurnover),
        overdue: d.overdue.map((o) => ({
          ...o,
          open: m(o.open),
          invoices: o.invoices.map((i) => ({ ...i, open: m(i.open) })),
        })),
      },
      200,
    );
  },
);
