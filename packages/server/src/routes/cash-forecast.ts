import { cashAccuracyJson, cashForecastAccuracy, cashForecastJson, forecastCash } from '@credence/app/cash-forecast';
import { createRoute, z } from '@hono/zod-openapi';
import { asCurrency, asDate, Currency, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { REPORTERS } from './access';

// Issue 17 over HTTP: the cash forecast and forecast against actual (docs/domain/cash-forecast.md). The bodies are
// exactly the CLI's `forecast cash --format json` and `forecast accuracy --format json`.

const Decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .openapi({ example: '150018.04' });
const Sources = z.object({ promise: Decimal, plan: Decimal, predicted: Decimal, indemnity: Decimal });
const Period = z.object({
  label: z.string().openapi({ example: '2026-W50', description: 'ISO week, or YYYY-MM for a month' }),
  start: IsoDate,
  end: IsoDate,
  low: Decimal,
  mid: Decimal,
  high: Decimal,
  sources: Sources.optional().openapi({ description: 'the mid by source (the totals only, not the groups)' }),
});
const CashForecast = z
  .object({
    asOf: IsoDate,
    currency: z.string(),
    method: z.enum(['model', 'baseline']),
    stored: z.number().int().optional(),
    weeks: z.array(Period),
    months: z.array(Period),
    beyond: Decimal,
    expected: Decimal,
    groups: z
      .array(
        z.object({
          key: z.string(),
          weeks: z.array(Period),
          months: z.array(Period),
          beyond: Decimal,
          expected: Decimal,
        }),
      )
      .optional(),
  })
  .openapi('CashForecast', {
    description: 'expected collections per ISO week then per month, low / mid / high, decimal strings in `currency`',
  });

const CashQuery = z.object({
  asOf: IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'default: today' }),
  weeks: z.coerce
    .number()
    .int()
    .min(1)
    .max(52)
    .optional()
    .openapi({ param: { name: 'weeks', in: 'query' }, description: 'ISO weeks (13)' }),
  months: z.coerce
    .number()
    .int()
    .min(0)
    .max(24)
    .optional()
    .openapi({ param: { name: 'months', in: 'query' }, description: 'calendar months after the weeks (3)' }),
  by: z
    .enum(['buyer', 'currency', 'week'])
    .optional()
    .openapi({ param: { name: 'by', in: 'query' }, description: 'groups: per buyer or currency; week = totals only' }),
  currency: Currency.optional().openapi({ param: { name: 'currency', in: 'query' } }),
});

export const cashForecastRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'cashForecast',
    method: 'get',
    path: '/forecast/cash',
    tags: ['forecast'],
    summary: 'Expected collections per ISO week and month, with bands (a read: the run is not stored)',
    request: { query: CashQuery },
    responses: { 200: json(CashForecast, 'the forecast'), ...problems(...SECURED, 'rejected', 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const r = await forecastCash(c.var.deps.store, {
      asOf: asDate(q.asOf ?? c.var.deps.clock.today()),
      ...(q.weeks !== undefined ? { weeks: q.weeks } : {}),
      ...(q.months !== undefined ? { months: q.months } : {}),
      ...(q.by !== undefined ? { by: q.by } : {}),
      ...(q.currency !== undefined ? { currency: asCurrency(q.currency) } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    return c.json(cashForecastJson(r.value), 200);
  },
);

const Ratio = z.number().nullable();
const Accuracy = z
  .object({
    asOf: IsoDate,
    currency: z.string().nullable(),
    weeks: z.array(
      z.object({
        label: z.string(),
        start: IsoDate,
        end: IsoDate,
        forecastAsOf: IsoDate,
        low: Decimal,
        mid: Decimal,
        high: Decimal,
        actual: Decimal,
        error: Decimal.openapi({ description: 'actual − mid' }),
        absPctError: Ratio,
        withinBand: z.boolean(),
      }),
    ),
    wape: Ratio.openapi({ description: 'Σ |actual − mid| / Σ actual' }),
    withinBand: Ratio.openapi({ description: 'share of the weeks within their band' }),
  })
  .openapi('CashForecastAccuracy', { description: 'the same JSON as `credence forecast accuracy --format json`' });

export const cashAccuracyRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'cashForecastAccuracy',
    method: 'get',
    path: '/forecast/cash/accuracy',
    tags: ['forecast'],
    summary: 'The stored cash forecasts against the payments received, for every week over by asOf',
    request: {
      query: z.object({
        asOf: IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'default: today' }),
        currency: Currency.optional().openapi({ param: { name: 'currency', in: 'query' } }),
      }),
    },
    responses: { 200: json(Accuracy, 'forecast against actual'), ...problems(...SECURED, 'rejected') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const r = await cashForecastAccuracy(c.var.deps.store, {
      asOf: asDate(q.asOf ?? c.var.deps.clock.today()),
      ...(q.currency !== undefined ? { currency: asCurrency(q.currency) } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    return c.json(cashAccuracyJson(r.value), 200);
  },
);
