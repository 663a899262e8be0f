import { rankOverdueBuyers } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asCurrency, asDate, Currency, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { REPORTERS } from './access';

const OverdueBuyers = z
  .object({
    asOf: z.string(),
    reportingCurrency: z.string(),
    buyers: z.array(
      z.object({
        buyerId: z.string(),
        name: z.string(),
        overdue: Money,
        overdueReporting: Money.openapi({ description: 'the ranking key: overdue in the reporting currency' }),
        open: Money,
        oldestDaysOverdue: z.number().int(),
      }),
    ),
  })
  .openapi('OverdueBuyers');

const Query = AsOfQuery.extend({
  reportingCurrency: Currency.openapi({ param: { name: 'reportingCurrency', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'default 10 (at most 10,000)' }),
});

/** The buyers with the largest overdue balances (net of credits), as `credence demo` ranks them. */
export const overdueBuyersReport = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'overdueBuyers',
    method: 'get',
    path: '/reports/overdue-buyers',
    tags: ['reports'],
    summary: 'The most overdue buyers as of a date, ranked by their overdue balance in a reporting currency',
    request: { query: Query },
    responses: { 200: json(OverdueBuyers, 'the ranking'), ...problems(...SECURED, 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const reporting = asCurrency(q.reportingCurrency);
    const r = await rankOverdueBuyers(c.var.deps.store, asOf, reporting, q.limit ?? 10);
    if (!r.ok) return failureResponse(r.error);
    return c.json(
      {
        asOf,
        reportingCurrency: reporting,
        buyers: r.value.map((b) => ({
          buyerId: b.buyerId,
          name: b.name,
          overdue: moneyJson(b.overdue, b.currency),
          overdueReporting: moneyJson(b.overdueReporting, reporting),
          open: moneyJson(b.open, b.currency),
          oldestDaysOverdue: b.oldestDaysOverdue,
        })),
      },
      200,
    );
  },
);
