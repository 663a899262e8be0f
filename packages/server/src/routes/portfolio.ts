import { agingTrend, buyersOverLimit, portfolioDocuments, portfolioExposure } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asCurrency, asDate, Currency, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { REPORTERS } from './access';

// The dashboard's aggregates (issue 13): the aging by month, exposure by grade and country, buyers over
// their limit, and the documents behind each figure; every one computed here, a page at a time.

const queryParam = (name: string) => ({ param: { name, in: 'query' as const } });
const Reporting = Currency.optional().openapi({ ...queryParam('reportingCurrency'), description: 'default EUR' });
const page = (max: number, byDefault: number) => ({
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ ...queryParam('offset'), description: 'default 0' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .optional()
    .openapi({ ...queryParam('limit'), description: `default ${byDefault}, at most ${max}` }),
});

const Trend = z
  .object({
    currency: z.string(),
    labels: z.array(z.string()),
    points: z.array(z.object({ asOf: z.string(), buckets: z.array(Money), total: Money })),
  })
  .openapi('AgingTrend');

export const agingTrendReport = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'agingTrend',
    method: 'get',
    path: '/reports/aging-trend',
    tags: ['reports'],
    summary: 'The aging by bucket at each of the last month-ends and asOf, in a reporting currency',
    request: {
      query: AsOfQuery.extend({
        reportingCurrency: Reporting,
        months: z.coerce
          .number()
          .int()
          .min(2)
          .max(24)
          .optional()
          .openapi({ ...queryParam('months'), description: 'points, the last one asOf; default 12' }),
      }),
    },
    responses: { 200: json(Trend, 'the trend, oldest first'), ...problems(...SECURED, 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const currency = asCurrency(q.reportingCurrency ?? 'EUR');
    const r = await agingTrend(c.var.deps.store, {
      asOf: asDate(q.asOf ?? c.var.deps.clock.today()),
      reportingCurrency: currency,
      ...(q.months !== undefined ? { months: q.months } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const points = r.value.points.map((p) => ({
      asOf: p.asOf,
      buckets: p.buckets.map((b) => moneyJson(b, currency)),
      total: moneyJson(p.total, currency),
    }));
    return c.json({ currency, labels: [...r.value.labels], points }, 200);
  },
);

const Slice = (key: z.ZodTypeAny) => z.object({ key, buyers: z.number().int(), amount: Money });
const Exposure = z
  .object({
    asOf: z.string(),
    total: Money,
    byGrade: z.array(Slice(z.number().int().nullable().openapi({ description: 'null: not graded' }))),
    byCountry: z.array(Slice(z.string())),
  })
  .openapi('Exposure');

export const exposureReport = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'exposureReport',
    method: 'get',
    path: '/reports/exposure',
    tags: ['reports'],
    summary: 'What the portfolio owes (net of credits) by risk grade and by country, in a reporting currency',
    request: { query: AsOfQuery.extend({ reportingCurrency: Reporting }) },
    responses: { 200: json(Exposure, 'the exposure'), ...problems(...SECURED, 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const currency = asCurrency(q.reportingCurrency ?? 'EUR');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const r = await portfolioExposure(c.var.deps.store, { asOf, reportingCurrency: currency });
    if (!r.ok) return failureResponse(r.error);
    const slice = <K>(s: { key: K; buyers: number; amount: bigint }) => ({
      key: s.key,
      buyers: s.buyers,
      amount: moneyJson(s.amount, currency),
    });
    return c.json(
      {
        asOf,
        total: moneyJson(r.value.total, currency),
        byGrade: r.value.byGrade.map(slice),
        byCountry: r.value.byCountry.map(slice),
      },
      200,
    );
  },
);

const OverLimit = z
  .object({
    asOf: z.string(),
    count: z.number().int().openapi({ description: 'buyers over their limit, all pages' }),
    buyers: z.array(
      z.object({
        buyerId: z.string(),
        name: z.string(),
        country: z.string(),
        grade: z.number().int().optional(),
        limit: Money,
        limitKind: z.enum(['approved', 'temporary']),
        exposure: Money.openapi({ description: 'net open receivables in the limit currency (orders not counted)' }),
        excess: Money,
      }),
    ),
  })
  .openapi('BuyersOverLimit');

export const overLimitReport = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'overLimit',
    method: 'get',
    path: '/reports/over-limit',
    tags: ['reports'],
    summary: 'Buyers whose receivables exceed the limit in force, largest excess (relative to the limit) first',
    request: { query: AsOfQuery.extend(page(500, 25)) },
    responses: { 200: json(OverLimit, 'a page of buyers'), ...problems(...SECURED, 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const r = await buyersOverLimit(c.var.deps.store, {
      asOf,
      ...(q.offset !== undefined ? { offset: q.offset } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const buyers = r.value.buyers.map((b) => ({
      buyerId: b.buyerId,
      name: b.name,
      country: b.country,
      ...(b.grade !== undefined ? { grade: b.grade } : {}),
      limit: moneyJson(b.limit, b.currency),
      limitKind: b.limitKind,
      exposure: moneyJson(b.exposure, b.currency),
      excess: moneyJson(b.excess, b.currency),
    }));
    return c.json({ asOf, count: r.value.count, buyers }, 200);
  },
);

const Documents = z
  .object({
    asOf: z.string(),
    labels: z.array(z.string()),
    count: z.number().int().openapi({ description: 'documents matching, all pages' }),
    sums: z.array(Money).openapi({ description: 'what they owe, per currency' }),
    reporting: Money.openapi({ description: "their sum in the reporting currency, as the aging's figure" }),
    documents: z.array(
      z.object({
        number: z.string(),
        type: z.enum(['invoice', 'credit_note']),
        buyerId: z.string(),
        name: z.string(),
        country: z.string(),
        grade: z.number().int().optional(),
        issueDate: z.string(),
        dueDate: z.string(),
        daysOverdue: z.number().int(),
        bucket: z.number().int(),
        owed: Money.openapi({ description: 'what is owed of it once the buyer’s credits are set off' }),
      }),
    ),
  })
  .openapi('PortfolioDocuments');

const DocumentsQuery = AsOfQuery.extend({
  reportingCurrency: Reporting,
  bucket: z.coerce
    .number()
    .int()
    .min(0)
    .max(20)
    .optional()
    .openapi({ ...queryParam('bucket'), description: 'aging bucket: 0 not due, 1 1–30 days … (as the labels)' }),
  overdue: z
    .enum(['1', 'true'])
    .optional()
    .openapi({ ...queryParam('overdue'), description: 'only what is past due' }),
  buyer: z.string().min(1).max(200).optional().openapi(queryParam('buyer')),
  country: z.string().min(2).max(2).optional().openapi(queryParam('country')),
  grade: z.coerce.number().int().min(1).max(10).optional().openapi(queryParam('grade')),
  ...page(500, 50),
});

export const listDocumentsRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'listDocuments',
    method: 'get',
    path: '/documents',
    tags: ['reports'],
    summary: 'The open documents behind a dashboard figure as of a date (net of credits), most overdue first',
    request: { query: DocumentsQuery },
    responses: { 200: json(Documents, 'a page of documents and their sums'), ...problems(...SECURED, 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const currency = asCurrency(q.reportingCurrency ?? 'EUR');
    const r = await portfolioDocuments(c.var.deps.store, {
      asOf,
      reportingCurrency: currency,
      ...(q.bucket !== undefined ? { bucket: q.bucket } : {}),
      ...(q.overdue !== undefined ? { overdue: true } : {}),
      ...(q.buyer !== undefined ? { buyerId: q.buyer } : {}),
      ...(q.country !== undefined ? { country: q.country } : {}),
      ...(q.grade !== undefined ? { grade: q.grade } : {}),
      ...(q.offset !== undefined ? { offset: q.offset } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    return c.json(
      {
        asOf,
        labels: [...v.labels],
        count: v.count,
        sums: v.sums.map((s) => moneyJson(s.amount, s.currency)),
        reporting: moneyJson(v.reporting.amount, currency),
        documents: v.documents.map((d) => ({
          number: d.number,
          type: d.type,
          buyerId: d.buyerId,
          name: d.name,
          country: d.country,
          ...(d.grade !== undefined ? { grade: d.grade } : {}),
          issueDate: d.issueDate,
          dueDate: d.dueDate,
          daysOverdue: d.daysOverdue,
          bucket: d.bucket,
          owed: moneyJson(d.open, d.currency),
        })),
      },
      200,
    );
  },
);
