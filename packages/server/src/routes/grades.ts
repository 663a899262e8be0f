import { gradeReasonMessage, renderReason } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, BuyerParam } from '../conventions';
import { problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { READERS } from './access';
import { notFoundBuyer } from './buyers';
import { LangQuery, langOf, Reason } from './lang';

const GradeOut = z
  .object({
    buyerId: z.string(),
    gradedAsOf: z.string().openapi({ description: 'the date of the grade run that recorded it' }),
    grade: z.number().int().min(1).max(10),
    pd: z.number(),
    tier: z.enum(['low', 'medium', 'high']),
    confidence: z.enum(['high', 'medium', 'low']),
    reasons: z.array(Reason.extend({ logOdds: z.number() })),
    missing: z.array(z.string()),
  })
  .openapi('Grade');

export const getGrade = defineRoute(
  READERS,
  createRoute({
    operationId: 'getGrade',
    method: 'get',
    path: '/buyers/{id}/grade',
    tags: ['grades'],
    summary: "A buyer's grade recorded by the last grade run on or before a date, with its reasons in words",
    request: { params: BuyerParam, query: AsOfQuery.extend(LangQuery.shape) },
    responses: { 200: json(GradeOut, 'the grade'), ...problems(...SECURED, 'not-found') },
  }),
  async (c) => {
    const { store, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? clock.today());
    if ((await store.getBuyer(id)) === undefined) return notFoundBuyer(id);
    const recorded = (await store.gradesOf(id)).filter((g) => g.asOf <= asOf).at(-1);
    if (recorded === undefined)
      return problemResponse('not-found', `no grade of ${id} recorded on or before ${asOf} (run the grades)`, {
        code: 'not_found',
        params: { what: 'recorded grade', id },
      });
    const g = recorded.grade;
    const lang = langOf(q);
    return c.json(
      {
        buyerId: id,
        gradedAsOf: recorded.asOf,
        grade: g.grade,
        pd: g.pd,
        tier: g.tier,
        confidence: g.confidence,
        reasons: g.reasons.map((r) => ({
          code: r.code,
          params: { ...r.params },
          logOdds: r.logOdds,
          text: renderReason(gradeReasonMessage(r), lang),
        })),
        missing: [...g.missing],
      },
      200,
    );
  },
);
