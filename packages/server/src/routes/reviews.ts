import { accountClasses, reviewsDue } from '@credence/app';
import { reviewReasonMessage } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { CREDIT } from './access';
import { LangQuery, langOf, reasonText } from './lang';

const Review = z
  .object({
    buyerId: z.string(),
    name: z.string(),
    tier: z.enum(['low', 'medium', 'high']).optional(),
    cadence: z.enum(['continuous', 'new_or_late', 'long_standing']),
    cadenceDays: z.number().int().openapi({ description: '0: continuous' }),
    lastReview: z.string().optional().openapi({ description: 'the last credit decision (a limit answered or set)' }),
    nextReview: z.string(),
    due: z.boolean(),
    lateDaysThisYear: z.number().optional(),
    lateDaysLastYear: z.number().optional(),
    accountClass: z.enum(['key', 'simplified']).optional().openapi({ description: 'key account or simplified' }),
    reviewMonths: z.number().int().optional(),
    reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  })
  .openapi('CreditReview');

const ReviewQuery = AsOfQuery.merge(LangQuery).extend({
  all: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'all', in: 'query' }, description: 'every buyer, not only those due' }),
});

export const listReviews = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'listReviews',
    method: 'get',
    path: '/reviews',
    tags: ['limits'],
    summary: 'Buyers whose credit review is due, with the cadence and why (`credence review due`)',
    request: { query: ReviewQuery },
    responses: {
      200: json(z.object({ asOf: z.string(), reviews: z.array(Review) }).openapi('CreditReviews'), 'the reviews'),
      ...problems(...SECURED, 'missing-data'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const lang = langOf(q);
    const classes = await accountClasses(c.var.deps.store, c.var.deps.policies.check.credit?.keyAccounts, asOf);
    if (!classes.ok) return failureResponse(classes.error);
    const all = await reviewsDue(c.var.deps.store, asOf, classes.value);
    const reviews = (q.all === 'true' ? all : all.filter((r) => r.due)).map((r) => ({
      buyerId: r.buyerId,
      name: r.name,
      ...(r.tier !== undefined ? { tier: r.tier } : {}),
      cadence: r.cadence,
      cadenceDays: r.cadenceDays,
      ...(r.lastReview !== undefined ? { lastReview: r.lastReview } : {}),
      nextReview: r.nextReview,
      due: r.due,
      ...(r.lateDaysThisYear !== undefined ? { lateDaysThisYear: r.lateDaysThisYear } : {}),
      ...(r.lateDaysLastYear !== undefined ? { lateDaysLastYear: r.lateDaysLastYear } : {}),
      ...(r.accountClass !== undefined ? { accountClass: r.accountClass, reviewMonths: r.reviewMonths ?? 12 } : {}),
      reasons: r.reasons.map((x) => ({ code: x, text: reasonText(reviewReasonMessage(x, r), lang) })),
    }));
    return c.json({ asOf, reviews }, 200);
  },
);
