import { buyerOverview, OVERVIEW_SORTS } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asCurrency, asDate, Currency, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { READERS } from './access';

// The web workspace's buyers page (issue 13): the list filtered, sorted and paged here, not in the browser.

const q = (name: string, description: string) => ({ param: { name, in: 'query' as const }, description });

const Overview = z
  .object({
    asOf: z.string(),
    currency: z.string().openapi({ description: 'the reporting currency of the amounts' }),
    labels: z.array(z.string()).openapi({ description: 'the aging buckets (what bucket indexes)' }),
    countries: z.array(z.string()).openapi({ description: 'every buyer’s country, once: the filter’s choices' }),
    collectors: z.array(z.string()).openapi({ description: 'every buyer’s collector, once' }),
    count: z.number().int().openapi({ description: 'buyers matching, all pages' }),
    buyers: z.array(
      z.object({
        buyerId: z.string(),
        name: z.string(),
        country: z.string(),
        collector: z.string().optional(),
        grade: z.number().int().optional(),
        tier: z.string().optional(),
        total: Money.openapi({ description: 'net open receivables (the aging’s figure), in the reporting currency' }),
        overdue: Money,
        inBucket: Money.optional().openapi({ description: 'with bucket: what is in it' }),
        daysOverdue: z.number().int().openapi({ description: 'of the oldest item still owed' }),
        limit: Money.optional().openapi({ description: 'the limit in force' }),
        utilisation: z
          .number()
          .optional()
          .openapi({ description: 'exposure in per cent of the limit (none for a zero limit)' }),
      }),
    ),
  })
  .openapi('BuyerOverview');

const Query = AsOfQuery.extend({
  reportingCurrency: Currency.optional().openapi(q('reportingCurrency', 'default EUR')),
  q: z.string().max(200).optional().openapi(q('q', 'part of the id or name, any case')),
  country: z.string().max(3).optional().openapi(q('country', 'ISO country code')),
  grade: z.coerce.number().int().min(1).max(10).optional().openapi(q('grade', 'the latest grade recorded by asOf')),
  tier: z.string().max(20).optional().openapi(q('tier', 'the tier of that grade')),
  collector: z.string().max(100).optional().openapi(q('collector', 'the buyer’s collector')),
  overdue: z.enum(['true', 'false']).optional().openapi(q('overdue', 'true: only buyers with something past due')),
  bucket: z.coerce.number().int().min(0).max(10).optional().openapi(q('bucket', 'only buyers with an amount in it')),
  sort: z.enum(OVERVIEW_SORTS).optional().openapi(q('sort', 'default name')),
  desc: z.enum(['true', 'false']).optional().openapi(q('desc', 'true: largest first')),
  offset: z.coerce.number().int().min(0).optional().openapi(q('offset', 'default 0')),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi(q('limit', 'default 25, at most 500')),
});

export const buyerOverviewRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'buyerOverview',
    method: 'get',
    path: '/buyer-overview',
    tags: ['buyers'],
    summary: 'The buyers with their balances, grade and limit use as of a date: filtered, sorted, a page of them',
    request: { query: Query },
    responses: { 200: json(Overview, 'a page of buyers'), ...problems(...SECURED, 'missing-data') },
  }),
  async (c) => {
    const p = c.req.valid('query');
    const currency = asCurrency(p.reportingCurrency ?? 'EUR');
    const asOf = asDate(p.asOf ?? c.var.deps.clock.today());
    const opt = <K extends string, V>(k: K, v: V | undefined) => (v !== undefined ? { [k]: v } : {});
    const r = await buyerOverview(c.var.deps.store, {
      asOf,
      reportingCurrency: currency,
      ...opt('search', p.q),
      ...opt('country', p.country),
      ...opt('grade', p.grade),
      ...opt('tier', p.tier),
      ...opt('collector', p.collector),
      ...opt('overdue', p.overdue === undefined ? undefined : p.overdue === 'true'),
      ...opt('bucket', p.bucket),
      ...opt('sort', p.sort),
      ...opt('descending', p.desc === undefined ? undefined : p.desc === 'true'),
      ...opt('offset', p.offset),
      ...opt('limit', p.limit),
    });
    if (!r.ok) return failureResponse(r.error);
    const buyers = r.value.buyers.map((b) => ({
      buyerId: b.buyerId,
      name: b.name,
      country: b.country,
      ...opt('collector', b.collector),
      ...opt('grade', b.grade),
      ...opt('tier', b.tier),
      total: moneyJson(b.total, currency),
      overdue: moneyJson(b.overdue, currency),
      ...(b.inBucket !== undefined ? { inBucket: moneyJson(b.inBucket, currency) } : {}),
      daysOverdue: b.daysOverdue,
      ...(b.limit !== undefined
        ? {
            limit: moneyJson(b.limit.amount, b.limit.currency),
            ...(b.limit.amount > 0n ? { utilisation: b.limit.perMille / 10 } : {}),
          }
        : {}),
    }));
    const { labels, countries, collectors, count } = r.value;
    return c.json(
      { asOf, currency, labels: [...labels], countries: [...countries], collectors: [...collectors], count, buyers },
      200,
    );
  },
);
