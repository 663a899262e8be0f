import { buyerFinancials, limitRecommendation } from '@credence/app';
import { limitFigureMessage } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, AsOfQuery, asDate, BuyerParam, Money, moneyJson } from '../conventions';
import { failureResponse, problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { READERS } from './access';
import { notFoundBuyer } from './buyers';
import { GradeOverrideOut } from './grade-overrides';
import { LangQuery, langOf, reasonText } from './lang';

const Ratio = z.union([
  z.number(),
  z.object({
    unavailable: z.enum(['missing_line', 'zero_denominator', 'not_positive_base', 'no_prior_year']),
    lines: z.array(z.string()).openapi({ description: 'the statement lines it needs' }),
  }),
]);

const Financials = z
  .object({
    buyerId: z.string(),
    asOf: z.string(),
    fiscalYear: z.number().int(),
    periodEnd: z.string(),
    currency: z.string(),
    ratios: z.record(z.string(), Ratio).openapi({
      description: 'every ratio: a number (workingCapital in minor units of currency), or why there is none',
    }),
  })
  .openapi('Financials');

export const getFinancials = defineRoute(
  READERS,
  createRoute({
    operationId: 'getFinancials',
    method: 'get',
    path: '/buyers/{id}/financials',
    tags: ['grades'],
    summary: "The key ratios of a buyer's latest statement ended by a date (growth against the year before)",
    request: { params: BuyerParam, query: AsOfQuery },
    responses: { 200: json(Financials, 'the ratios'), ...problems(...SECURED, 'not-found') },
  }),
  async (c) => {
    const { store, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const asOf = asDate(c.req.valid('query').asOf ?? clock.today());
    if ((await store.getBuyer(id)) === undefined) return notFoundBuyer(id);
    const f = await buyerFinancials(store, id, asOf);
    if (f === undefined)
      return problemResponse('not-found', `no statement of ${id} ended on or before ${asOf} (import statements)`, {
        code: 'not_found',
        params: { what: 'statement', id },
      });
    return c.json(
      {
        buyerId: id,
        asOf,
        fiscalYear: f.fiscalYear,
        periodEnd: f.periodEnd,
        currency: f.currency,
        ratios: Object.fromEntries(
          Object.entries(f.ratios).map(([k, v]) => [
            k,
            v.ok ? v.value : { unavailable: v.reason, lines: v.lines.map(String) },
          ]),
        ),
      },
      200,
    );
  },
);

const Recommendation = z
  .object({
    buyerId: z.string(),
    asOf: z.string(),
    grade: z.object({
      grade: z.number().int(),
      pd: z.number(),
      tier: z.enum(['low', 'medium', 'high']),
      confidence: z.enum(['high', 'medium', 'low']),
    }),
    gradeOverride: GradeOverrideOut.optional().openapi({
      description: "the credit manager's override in force: the recommendation uses its grade, not the computed one",
    }),
    limit: Money.openapi({ description: "the recommended limit, in the buyer's currency; 0 = no credit" }),
    decidedBy: z.string().openapi({ description: 'the figure that decided it' }),
    terms: z
      .object({
        tier: z.enum(['low', 'medium', 'high']),
        maxDays: z.number().int(),
        security: z.enum(['open_account', 'partial_prepayment', 'prepayment_or_lc']),
        prepaymentBp: z.number().int().optional(),
      })
      .optional()
      .openapi({ description: "the payment terms and security the credit policy allows the buyer's tier" }),
    figures: z.array(
      z.object({
        method: z.string(),
        amount: Money,
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        text: z.string(),
      }),
    ),
  })
  .openapi('LimitRecommendation');

const RecommendQuery = AsOfQuery.merge(LangQuery).extend({
  expectedMonthlySales: Amount.optional().openapi({
    param: { name: 'expectedMonthlySales', in: 'query' },
    description: "instead of the last 12 months' sales (a new buyer), in its currency",
  }),
});

export const recommendLimitRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'recommendLimit',
    method: 'get',
    path: '/buyers/{id}/limit-recommendation',
    tags: ['limits'],
    summary: 'The recommended limit with the figures behind it (`credence limit recommend`)',
    request: { params: BuyerParam, query: RecommendQuery },
    responses: { 200: json(Recommendation, 'the recommendation'), ...problems(...SECURED, 'not-found', 'rejected') },
  }),
  async (c) => {
    const { store, clock, policies } = c.var.deps;
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? clock.today());
    const r = await limitRecommendation(
      store,
      { ...policies.grading, limits: policies.limits },
      {
        buyerId: id,
        asOf,
        ...(q.expectedMonthlySales !== undefined ? { expectedMonthlySales: q.expectedMonthlySales } : {}),
      },
    );
    if (!r.ok) return failureResponse(r.error);
    const { grade: g, override, recommendation: rec } = r.value;
    const lang = langOf(q);
    const tier = override?.tier ?? g.tier;
    const terms = policies.check.credit?.termsByTier?.[tier];
    return c.json(
      {
        buyerId: id,
        asOf,
        grade: { grade: g.grade, pd: g.pd, tier: g.tier, confidence: g.confidence },
        ...(override ? { gradeOverride: { ...override } } : {}),
        limit: moneyJson(rec.amount, rec.currency),
        decidedBy: rec.decidedBy,
        ...(terms !== undefined ? { terms: { tier, ...terms } } : {}),
        figures: rec.figures.map((f) => ({
          method: f.method,
          amount: moneyJson(f.amount, rec.currency),
          params: { ...f.params },
          text: reasonText(limitFigureMessage(f, rec.currency), lang),
        })),
      },
      200,
    );
  },
);
