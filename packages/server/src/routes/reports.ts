import { reportAging, reportKpis } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asCurrency, asDate, Currency, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { REPORTERS } from './access';

const Bucket = z.object({ label: z.string(), amount: Money, count: z.number().int() });

const Aging = z
  .object({
    asOf: z.string(),
    labels: z.array(z.string()),
    reports: z.array(
      z.object({
        currency: z.string(),
        buyerId: z.string().optional(),
        buckets: z.array(Bucket),
        total: Money,
        count: z.number().int(),
      }),
    ),
    unappliedCash: z.array(Money),
    creditBalance: z.array(z.object({ buyerId: z.string().optional(), amount: Money })),
    reporting: z.object({ buckets: z.array(Money), total: Money }).optional(),
  })
  .openapi('AgingReport');

const AgingQuery = AsOfQuery.extend({
  byBuyer: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'byBuyer', in: 'query' } }),
  reportingCurrency: Currency.optional().openapi({ param: { name: 'reportingCurrency', in: 'query' } }),
});

export const agingReport = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'agingReport',
    method: 'get',
    path: '/reports/aging',
    tags: ['reports'],
    summary: 'Aging of the receivables as of a date, per currency (and buyer), net of credits',
    request: { query: AgingQuery },
    responses: { 200: json(Aging, 'the aging'), ...problems(...SECURED, 'rejected', 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const r = await reportAging(c.var.deps.store, {
      asOf,
      byBuyer: q.byBuyer === 'true',
      ...(q.reportingCurrency !== undefined ? { reportingCurrency: asCurrency(q.reportingCurrency) } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    const rep = v.reporting;
    return c.json(
      {
        asOf: v.asOf,
        labels: [...v.labels],
        reports: v.reports.map((a) => ({
          currency: a.currency,
          ...(a.buyerId !== undefined ? { buyerId: a.buyerId } : {}),
          buckets: a.buckets.map((b) => ({ label: b.label, amount: moneyJson(b.amount, a.currency), count: b.count })),
          total: moneyJson(a.total, a.currency),
          count: a.count,
        })),
        unappliedCash: v.unappliedCash.map((u) => moneyJson(u.amount, u.currency)),
        creditBalance: v.creditBalance.map((b) => ({
          ...(b.buyerId !== undefined ? { buyerId: b.buyerId } : {}),
          amount: moneyJson(b.amount, b.currency),
        })),
        ...(rep
          ? {
              reporting: {
                buckets: rep.buckets.map((b) => moneyJson(b, rep.currency)),
                total: moneyJson(rep.total, rep.currency),
              },
            }
          : {}),
      },
      200,
    );
  },
);

const days = z.number().nullable();
const Kpis = z
  .object({
    from: z.string(),
    asOf: z.string(),
    perCurrency: z.array(
      z.object({
        currency: z.string(),
        periodDays: z.number().int(),
        totalAr: Money,
        overdueAr: Money,
        creditSales: Money,
        dso: days,
        countbackDso: days,
        bestPossibleDso: days,
        averageDaysDelinquent: days,
        cei: days,
        overduePercent: days,
      }),
    ),
    reporting: z
      .object({ totalAr: Money, overdueAr: Money })
      .optional()
      .openapi({ description: 'with ?reportingCurrency: the totals of every currency converted at the rates of asOf' }),
    behaviour: z.array(
      z.object({
        buyerId: z.string(),
        settled: Money,
        settlements: z.number().int(),
        averageDaysToPay: z.number(),
        weightedDaysBeyondTerms: z.number(),
      }),
    ),
  })
  .openapi('Kpis');

const KpiQuery = AsOfQuery.extend({
  from: IsoDate.optional().openapi({
    param: { name: 'from', in: 'query' },
    description: 'default: three months to asOf',
  }),
  buyerId: z
    .string()
    .optional()
    .openapi({ param: { name: 'buyerId', in: 'query' } }),
  reportingCurrency: Currency.optional().openapi({ param: { name: 'reportingCurrency', in: 'query' } }),
  behaviour: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      param: { name: 'behaviour', in: 'query' },
      description: 'false: leave the payment behaviour per buyer out (empty), for a headline; default true',
    }),
});

export const kpiReport = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'kpiReport',
    method: 'get',
    path: '/reports/kpis',
    tags: ['reports'],
    summary: 'DSO (standard, countback, best possible), average days delinquent, CEI, overdue share; payment behaviour',
    request: { query: KpiQuery },
    responses: { 200: json(Kpis, 'the KPIs'), ...problems(...SECURED, 'rejected', 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const r = await reportKpis(c.var.deps.store, {
      asOf: asDate(q.asOf ?? c.var.deps.clock.today()),
      ...(q.from !== undefined ? { from: asDate(q.from) } : {}),
      ...(q.buyerId !== undefined ? { buyerId: q.buyerId } : {}),
      ...(q.reportingCurrency !== undefined ? { reportingCurrency: asCurrency(q.reportingCurrency) } : {}),
      withoutBehaviour: q.behaviour === 'false',
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    return c.json(
      {
        from: v.from,
        asOf: v.asOf,
        perCurrency: v.perCurrency.map((k) => ({
          currency: k.currency,
          periodDays: k.periodDays,
          totalAr: moneyJson(k.totalAr, k.currency),
          overdueAr: moneyJson(k.overdueAr, k.currency),
          creditSales: moneyJson(k.creditSales, k.currency),
          dso: k.dso,
          countbackDso: k.countbackDso,
          bestPossibleDso: k.bestPossibleDso,
          averageDaysDelinquent: k.averageDaysDelinquent,
          cei: k.cei,
          overduePercent: k.overduePercent,
        })),
        behaviour: v.behaviour.map((b) => ({
          buyerId: b.buyerId,
          settled: moneyJson(b.settledAmount, b.currency),
          settlements: b.settlements,
          averageDaysToPay: b.averageDaysToPay,
          weightedDaysBeyondTerms: b.weightedDaysBeyondTerms,
        })),
        ...(v.reporting
          ? {
              reporting: {
                totalAr: moneyJson(v.reporting.totalAr, v.reporting.currency),
                overdueAr: moneyJson(v.reporting.overdueAr, v.reporting.currency),
              },
            }
          : {}),
      },
      200,
    );
  },
);
