import { clearGradeOverride, gradeHistory, overrideGrade } from '@credence/app';
import { gradeReasonMessage } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, READERS } from './access';
import { LangQuery, langOf, Reason, reasonText } from './lang';

const WhyText = z.string().min(1).max(2000);

/** An override of a buyer's computed grade, or its removal (`clear`): who, when, why. */
export const GradeOverrideOut = z
  .object({
    id: z.number().int(),
    buyerId: z.string(),
    action: z.enum(['override', 'clear']),
    grade: z.number().int().min(1).max(10).optional(),
    tier: z.enum(['low', 'medium', 'high']).optional(),
    pd: z.number().optional().openapi({ description: "the grade's PD on the master scale (the middle of its band)" }),
    until: z.string().optional().openapi({ description: 'the last day it holds (inclusive)' }),
    reason: z.string(),
    by: z.string(),
    recordedOn: z.string(),
  })
  .openapi('GradeOverride');

export const overrideGradeRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'overrideGrade',
    method: 'post',
    path: '/buyers/{id}/grade-override',
    tags: ['grades'],
    summary: "Override a buyer's computed grade from today, with a reason (as `credence grade override`)",
    description:
      'Decisions that read a grade (order check, limit recommendation, review tier, dunning ladder, worklist rank) ' +
      'use the override while it holds; the computed grade stays beside it. A new override replaces the one before.',
    request: {
      params: BuyerParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              grade: z.number().int().min(1).max(10),
              reason: WhyText,
              until: IsoDate.optional().openapi({ description: 'the last day it holds; default: until removed' }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(GradeOverrideOut, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await overrideGrade(
      writer(c),
      c.var.deps.policies.grading.policy,
      { buyerId: id, grade: b.grade, reason: b.reason, by: userOf(c), ...(b.until ? { until: asDate(b.until) } : {}) },
      c.var.deps.clock.today(),
    );
    return r.ok ? c.json({ ...r.value }, 201) : failureResponse(r.error);
  },
);

export const clearGradeOverrideRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'clearGradeOverride',
    method: 'delete',
    path: '/buyers/{id}/grade-override',
    tags: ['grades'],
    summary: "Remove the override of a buyer's grade from today, with a reason (as `credence grade clear-override`)",
    description: 'Recorded as a new event: the override stays in the grade history.',
    request: {
      params: BuyerParam,
      body: { required: true, content: { 'application/json': { schema: z.object({ reason: WhyText }) } } },
    },
    responses: {
      201: json(GradeOverrideOut, 'the removal, recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const r = await clearGradeOverride(
      writer(c),
      { buyerId: id, reason: c.req.valid('json').reason, by: userOf(c) },
      c.var.deps.clock.today(),
    );
    return r.ok ? c.json({ ...r.value }, 201) : failureResponse(r.error);
  },
);

const HistoryEntry = z
  .object({
    date: z.string(),
    kind: z.enum(['graded', 'override', 'clear']),
    grade: z.number().int().optional(),
    tier: z.enum(['low', 'medium', 'high']).optional(),
    pd: z.number().optional(),
    reasons: z
      .array(Reason.extend({ logOdds: z.number() }))
      .optional()
      .openapi({ description: 'of a graded entry' }),
    override: GradeOverrideOut.optional(),
  })
  .openapi('GradeHistoryEntry');

export const gradeHistoryRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'gradeHistory',
    method: 'get',
    path: '/buyers/{id}/grade-history',
    tags: ['grades'],
    summary: "A buyer's recorded grades, overrides and their removals, by date (as `credence grade history`)",
    request: { params: BuyerParam, query: LangQuery },
    responses: {
      200: json(z.object({ buyerId: z.string(), entries: z.array(HistoryEntry) }), 'the history'),
      ...problems(...SECURED, 'not-found'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const lang = langOf(c.req.valid('query'));
    const r = await gradeHistory(c.var.deps.store, id);
    if (!r.ok) return failureResponse(r.error);
    const entries = r.value.map((e) =>
      e.kind === 'graded'
        ? {
            date: e.date,
            kind: e.kind,
            grade: e.grade.grade,
            tier: e.grade.tier,
            pd: e.grade.pd,
            reasons: e.grade.reasons.map((x) => ({
              code: x.code,
              params: { ...x.params },
              logOdds: x.logOdds,
              text: reasonText(gradeReasonMessage(x), lang),
            })),
          }
        : {
            date: e.date,
            kind: e.kind,
            ...(e.event.action === 'override' ? { grade: e.event.grade, tier: e.event.tier, pd: e.event.pd } : {}),
            override: { ...e.event },
          },
    );
    return c.json({ buyerId: id, entries }, 200);
  },
);
