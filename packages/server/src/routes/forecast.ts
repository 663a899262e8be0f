import {
  backtestJson,
  backtestPaymentForecast,
  ECL_SEGMENT_BY,
  type EclQuery,
  type EclSegmentBy,
  eclJson,
  reportEcl,
  trainPaymentForecast,
} from '@credence/app';
import { type Fraction, parseFraction, type Result } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { asCurrency, asDate, Currency, IsoDate } from '../conventions';
import type { AppEnv } from '../deps';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, CREDIT_DESK } from './access';

// Issue 17 over HTTP: the expected credit loss (docs/domain/expected-credit-loss.md) and the payment-date
// model (docs/domain/payment-forecast.md). The bodies are exactly the CLI's `--format json`.

const Rate = z
  .string()
  .refine((s) => parseFraction(s).ok, { message: 'not a rate (a fraction or a percentage, e.g. "0.3%")' })
  .openapi({ example: '1.6%' });
const fraction = (s: string): Fraction => {
  const f = parseFraction(s);
  if (!f.ok) throw new Error(`unchecked rate ${s}`);
  return f.value;
};
const Decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .openapi({ example: '580000.00' });

const EclBucket = z.object({
  label: z.string(),
  exposure: Decimal,
  insured: Decimal.optional().openapi({
    description: 'the part insured under the stored credit insurance policies; its cover share carries no loss',
  }),
  lossRate: z.string().openapi({ description: 'the applied rate (rate × factor) as a percentage' }),
  provision: Decimal,
});
const EclFiguresSchema = z.object({ asOf: IsoDate, buckets: z.array(EclBucket), total: Decimal });
const EclSegmentSchema = z.object({
  segment: z.string().openapi({ description: 'a country, grade, tier, or `insured` / `uninsured`' }),
  factor: z.string().openapi({ description: 'the forward-looking factor applied to the segment', example: '1.5' }),
  rates: z.enum(['given', 'roll-rates']),
  asOf: IsoDate,
  buckets: z.array(EclBucket),
  total: Decimal,
});
const Ecl = z
  .object({
    asOf: IsoDate,
    currency: z.string(),
    buckets: z.array(EclBucket),
    total: Decimal,
    rates: z.enum(['given', 'roll-rates']),
    segments: z.array(EclSegmentSchema).optional().openapi({
      description:
        'with `by`: one matrix per segment; the buckets above are their sums (lossRate: provision ÷ exposure)',
    }),
    compare: EclFiguresSchema.optional(),
    movement: Decimal.optional().openapi({ description: 'total as of asOf − total as of compare' }),
  })
  .openapi('ExpectedCreditLoss', {
    description: 'amounts are decimal strings in `currency`; the same JSON as `credence report ecl --format json`',
  });

async function eclResponse(c: Context<AppEnv>, q: EclQuery) {
  const r = await reportEcl(c.var.deps.store, q);
  if (!r.ok) return failureResponse(r.error);
  return c.json(eclJson(r.value), 200);
}

const common = (o: {
  factor?: string | undefined;
  compare?: string | undefined;
  currency?: string | undefined;
  by?: EclSegmentBy | undefined;
}) => ({
  ...(o.by !== undefined ? { by: o.by } : {}),
  ...(o.factor !== undefined ? { factor: fraction(o.factor) } : {}),
  ...(o.compare !== undefined ? { compare: asDate(o.compare) } : {}),
  ...(o.currency !== undefined ? { reportingCurrency: asCurrency(o.currency) } : {}),
});

const EclQuerySchema = z.object({
  asOf: IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'default: today' }),
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .optional()
    .openapi({ param: { name: 'months', in: 'query' }, description: 'months of history for the roll rates (12)' }),
  factor: Rate.optional().openapi({ param: { name: 'factor', in: 'query' }, description: 'forward-looking factor' }),
  compare: IsoDate.optional().openapi({ param: { name: 'compare', in: 'query' } }),
  currency: Currency.optional().openapi({ param: { name: 'currency', in: 'query' } }),
  by: z
    .enum(ECL_SEGMENT_BY)
    .optional()
    .openapi({ param: { name: 'by', in: 'query' }, description: 'a provision matrix per segment' }),
});

export const eclReportRoute = defineRoute(
  CREDIT_DESK,
  createRoute({
    operationId: 'eclReport',
    method: 'get',
    path: '/reports/ecl',
    tags: ['reports'],
    summary: 'Lifetime expected credit loss by a provision matrix, loss rates by roll rates over the ledger',
    request: { query: EclQuerySchema },
    responses: { 200: json(Ecl, 'the provision matrix'), ...problems(...SECURED, 'rejected', 'missing-data') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    return eclResponse(c, {
      asOf: asDate(q.asOf ?? c.var.deps.clock.today()),
      ...(q.months !== undefined ? { months: q.months } : {}),
      ...common(q),
    });
  },
);

const ratesOf = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fraction(v)]));

const EclBody = z
  .object({
    asOf: IsoDate.optional().openapi({ description: 'default: today' }),
    rates: z
      .record(z.string(), Rate)
      .optional()
      .openapi({
        description: 'loss rate per bucket label; every bucket must have one (optional when every segment has its own)',
        example: { not_due: '0.3%' },
      }),
    factor: Rate.optional(),
    compare: IsoDate.optional(),
    currency: Currency.optional(),
    by: z.enum(ECL_SEGMENT_BY).optional().openapi({ description: 'a provision matrix per segment' }),
    segments: z
      .record(z.string(), z.object({ rates: z.record(z.string(), Rate).optional(), factor: Rate.optional() }).strict())
      .optional()
      .openapi({ description: 'per segment (with `by`): its own loss rates and forward-looking factor' }),
  })
  .strict()
  .refine((b) => b.rates !== undefined || b.segments !== undefined, { message: 'rates or segments', path: ['rates'] })
  .refine((b) => b.segments === undefined || b.by !== undefined, { message: 'segments need by', path: ['by'] })
  .openapi('EclWithRates');

export const eclWithRatesRoute = defineRoute(
  CREDIT_DESK,
  createRoute({
    operationId: 'eclReportWithRates',
    method: 'post',
    path: '/reports/ecl',
    tags: ['reports'],
    summary: 'Lifetime expected credit loss by a provision matrix with given loss rates (a read: nothing stored)',
    request: { body: { content: { 'application/json': { schema: EclBody } }, required: true } },
    responses: {
      200: json(Ecl, 'the provision matrix'),
      ...problems(...SECURED, ...WITH_BODY, 'rejected', 'missing-data'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    return eclResponse(c, {
      asOf: asDate(b.asOf ?? c.var.deps.clock.today()),
      ...(b.rates !== undefined ? { rates: ratesOf(b.rates) } : {}),
      ...(b.segments !== undefined
        ? {
            segments: Object.fromEntries(
              Object.entries(b.segments).map(([name, t]) => [
                name,
                {
                  ...(t.rates !== undefined ? { rates: ratesOf(t.rates) } : {}),
                  ...(t.factor !== undefined ? { factor: fraction(t.factor) } : {}),
                },
              ]),
            ),
          }
        : {}),
      ...common(b),
    });
  },
);

const Backtest = z
  .object({
    trainedUntil: IsoDate,
    invoices: z.array(
      z.object({
        number: z.string(),
        issueDate: IsoDate,
        dueDate: IsoDate,
        predictedPayDate: IsoDate,
        actualPayDate: IsoDate.nullable(),
      }),
    ),
    rmseDays: z.number().nullable(),
    lateAccuracy: z.number().nullable(),
  })
  .openapi('PaymentForecastBacktest', { description: 'the same JSON as `credence forecast backtest --format json`' });

export const backtestForecastRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'backtestForecast',
    method: 'post',
    path: '/forecast/backtest',
    tags: ['forecast'],
    summary: 'Train the payment-date model as of trainUntil and predict every invoice issued after it (nothing stored)',
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({ trainUntil: IsoDate, to: IsoDate.optional() }).strict().openapi('BacktestRequest'),
          },
        },
        required: true,
      },
    },
    responses: { 200: json(Backtest, 'the backtest'), ...problems(...SECURED, ...WITH_BODY, 'rejected') },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const r = await backtestPaymentForecast(
      c.var.deps.store,
      asDate(b.trainUntil),
      b.to !== undefined ? asDate(b.to) : undefined,
      c.var.deps.clock.today(),
    );
    if (!r.ok) return failureResponse(r.error);
    return c.json(backtestJson(r.value), 200);
  },
);

const TrainSummary = z
  .object({ id: z.number().int(), trainedUntil: IsoDate, rows: z.number().int() })
  .openapi('PaymentForecastModel', {
    description: 'the stored model: its id, its date and the paid invoices it learned from',
  });

export const trainForecastRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'trainForecast',
    method: 'post',
    path: '/forecast/train',
    tags: ['forecast'],
    summary: 'Train the payment-date model on the ledger as of a date and store it (recorded for the caller)',
    request: {
      body: {
        content: {
          'application/json': { schema: z.object({ until: IsoDate }).strict().openapi('TrainForecastRequest') },
        },
        required: true,
      },
    },
    responses: { 201: json(TrainSummary, 'the model stored'), ...problems(...SECURED, ...WITH_BODY, 'rejected') },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const r: Result<{ id: number; trainedUntil: string; rows: number }> = await trainPaymentForecast(
      writer(c),
      asDate(b.until),
      userOf(c),
    );
    if (!r.ok) return failureResponse(r.error);
    return c.json({ id: r.value.id, trainedUntil: r.value.trainedUntil, rows: r.value.rows }, 201);
  },
);
