import { buyerGrade, runGrades } from '@credence/app';
import { gradeReasonMessage } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse, problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { CREDIT, READERS } from './access';
import { GradeOverrideOut } from './grade-overrides';
import { LangQuery, langOf, Reason, reasonText } from './lang';

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
    override: GradeOverrideOut.optional().openapi({
      description: 'the override in force on the date: decisions use its grade instead of the computed one',
    }),
  })
  .openapi('Grade');

export const getGrade = defineRoute(
  READERS,
  createRoute({
    operationId: 'getGrade',
    method: 'get',
    path: '/buyers/{id}/grade',
    tags: ['grades'],
    summary:
      "A buyer's grade recorded by the last grade run on or before a date, with its reasons in words and the override in force",
    request: { params: BuyerParam, query: AsOfQuery.extend(LangQuery.shape) },
    responses: { 200: json(GradeOut, 'the grade'), ...problems(...SECURED, 'not-found') },
  }),
  async (c) => {
    const { store, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? clock.today());
    const r = await buyerGrade(store, { buyerId: id, asOf });
    if (!r.ok)
      return r.error.params.what === 'recorded grade'
        ? problemResponse('not-found', `no grade of ${id} recorded on or before ${asOf} (run the grades)`, {
            code: 'not_found',
            params: { ...r.error.params },
          })
        : failureResponse(r.error);
    const recorded = r.value;
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
          text: reasonText(gradeReasonMessage(r), lang),
        })),
        missing: [...g.missing],
        ...(recorded.override ? { override: { ...recorded.override } } : {}),
      },
      200,
    );
  },
);

const GradeRun = z
  .object({
    asOf: z.string(),
    graded: z.number().int(),
    byGrade: z.array(z.number().int()).openapi({ description: 'buyers per grade 1 … 10' }),
    byTier: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
    byConfidence: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
    changes: z.array(
      z.object({
        buyerId: z.string(),
        name: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        since: z.string(),
        reasons: z.array(Reason.extend({ logOdds: z.number() })),
      }),
    ),
  })
  .openapi('GradeRun');

export const runGradesRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'runGrades',
    method: 'post',
    path: '/grade-runs',
    tags: ['grades'],
    summary: 'Grade every buyer as of a date and record the grades (a re-run of a date replaces it)',
    request: {
      query: LangQuery,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ asOf: IsoDate.optional().openapi({ description: 'default: today' }) }),
          },
        },
      },
    },
    responses: { 201: json(GradeRun, 'graded and recorded'), ...problems(...SECURED, ...WITH_BODY) },
  }),
  async (c) => {
    const lang = langOf(c.req.valid('query'));
    const asOf = asDate(c.req.valid('json').asOf ?? c.var.deps.clock.today());
    const r = await runGrades(writer(c), c.var.deps.policies.grading, asOf);
    return c.json(
      {
        asOf: r.asOf,
        graded: r.graded,
        byGrade: [...r.byGrade],
        byTier: { ...r.byTier },
        byConfidence: { ...r.byConfidence },
        changes: r.changes.map((x) => ({
          buyerId: x.buyerId,
          name: x.name,
          from: x.from,
          to: x.to,
          since: x.since,
          reasons: x.reasons.map((g) => ({
            code: g.code,
            params: { ...g.params },
            logOdds: g.logOdds,
            text: reasonText(gradeReasonMessage(g), lang),
          })),
        })),
      },
      201,
    );
  },
);
