import { completeTask, filterWorklist, refreshWorklist, snoozeTask, viewWorklist } from '@credence/app';
import {
  type CurrencyCode,
  nextStepMessage,
  noFxRateMessage,
  type ReasonLocale,
  type StoredTask,
  type WorkNextStep,
  workReasonMessage,
} from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { companyOf, dunningPolicyOf } from '../collecting';
import { AsOfQuery, asCurrency, asDate, Currency, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { COLLECTION } from './access';
import { LangQuery, langOf, Reason, reasonText } from './lang';

const Task = z
  .object({
    key: z.string().openapi({ description: 'the task, for done and snooze' }),
    buyerId: z.string(),
    action: z.string().openapi({ description: 'call, post_letter, hand_off, check_promise, …' }),
    reason: Reason,
    amount: Money.openapi({ description: 'in the reporting currency, unless no FX rate converts it (noFxRate)' }),
    noFxRate: z.boolean().optional(),
    daysOverdue: z.number().int(),
    documents: z.array(z.string()),
    openedOn: z.string(),
    state: z.enum(['open', 'snoozed', 'done']),
    stateOn: z.string(),
    snoozedUntil: z.string().optional(),
    closeReason: z.string().optional(),
    by: z.string().optional(),
    note: z.string().optional(),
    pd: z.number().optional(),
    tier: z
      .enum(['low', 'medium', 'high'])
      .optional()
      .openapi({ description: "the risk tier of the buyer's grade in force" }),
    score: z.number().optional().openapi({ description: 'amount × days overdue × PD: the rank' }),
    planned: z.boolean().optional().openapi({ description: "a letter the day's dunning run has still to record" }),
    nextStep: Reason.optional().openapi({
      description:
        'what the payer pattern proposes for an overdue task: payment_plan (cannot pay), escalate (will not pay: the ladder’s next escalating step), call (unclear); params.why lists the signals',
    }),
    buyer: z
      .object({ name: z.string(), country: z.string(), collector: z.string().optional() })
      .optional()
      .openapi({ description: 'who the task is about' }),
  })
  .openapi('WorklistTask');

type Ranked = StoredTask & {
  buyer?: { name: string; country: string; collector?: string | undefined };
  pd?: number;
  score?: number;
  planned?: true;
  tier?: 'low' | 'medium' | 'high';
  nextStep?: WorkNextStep;
};

const taskJson = (t: Ranked, lang: ReasonLocale) => ({
  key: t.key,
  buyerId: t.buyerId,
  action: t.action,
  reason: {
    code: t.reason.code,
    params: { ...t.reason.params },
    text: `${reasonText(workReasonMessage(t.reason), lang)}${
      t.noFxRate ? ` (${reasonText(noFxRateMessage(t.currency as CurrencyCode), lang)})` : ''
    }`,
  },
  amount: moneyJson(t.amount, t.currency as CurrencyCode),
  ...(t.noFxRate ? { noFxRate: true } : {}),
  daysOverdue: t.daysOverdue,
  documents: [...t.documents],
  openedOn: t.openedOn,
  state: t.state,
  stateOn: t.stateOn,
  ...(t.snoozedUntil !== undefined ? { snoozedUntil: t.snoozedUntil } : {}),
  ...(t.closeReason !== undefined ? { closeReason: t.closeReason } : {}),
  ...(t.by !== undefined ? { by: t.by } : {}),
  ...(t.note !== undefined ? { note: t.note } : {}),
  ...(t.pd !== undefined ? { pd: t.pd } : {}),
  ...(t.tier !== undefined ? { tier: t.tier } : {}),
  ...(t.score !== undefined ? { score: t.score } : {}),
  ...(t.planned ? { planned: true } : {}),
  ...(t.nextStep !== undefined
    ? {
        nextStep: {
          code: t.nextStep.code,
          params: { ...t.nextStep.params },
          text: reasonText(nextStepMessage(t.nextStep), lang),
        },
      }
    : {}),
  ...(t.buyer
    ? {
        buyer: {
          name: t.buyer.name,
          country: t.buyer.country,
          ...(t.buyer.collector !== undefined ? { collector: t.buyer.collector } : {}),
        },
      }
    : {}),
});

const Worklist = z
  .object({
    asOf: z.string(),
    currency: z.string(),
    tasks: z.array(Task).openapi({ description: 'open tasks, ranked: a page of those the filters keep' }),
    count: z.number().int().openapi({ description: 'open tasks the filters keep, all pages' }),
    facets: z
      .object({
        actions: z.array(z.string()),
        collectors: z.array(z.string()),
        countries: z.array(z.string()),
        levels: z.array(z.string()),
        tiers: z.array(z.string()),
      })
      .openapi({ description: "the values the filters can take among the day's open tasks" }),
    closed: z.array(Task).openapi({ description: 'tasks something recorded has just dealt with' }),
    snoozed: z.number().int(),
  })
  .openapi('Worklist');

const WorklistQuery = AsOfQuery.merge(LangQuery).extend({
  currency: Currency.optional().openapi({ param: { name: 'currency', in: 'query' }, description: 'default EUR' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'the first n tasks; default 50' }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'offset', in: 'query' }, description: 'skip the first n (after the filters)' }),
  ...(Object.fromEntries(
    (['action', 'collector', 'country', 'level', 'tier'] as const).map((k) => [
      k,
      z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ param: { name: k, in: 'query' }, description: `only the tasks of this ${k}` }),
    ]),
  ) as Record<'action' | 'collector' | 'country' | 'level' | 'tier', z.ZodOptional<z.ZodString>>),
});

/** The worklist of the day, kept (`refreshWorklist`) or only shown (`viewWorklist`). */
function worklistRoute(keep: boolean) {
  return defineRoute(
    COLLECTION,
    createRoute({
      operationId: keep ? 'refreshWorklist' : 'getWorklist',
      method: keep ? 'post' : 'get',
      path: keep ? '/worklist/refresh' : '/worklist',
      tags: ['collections'],
      summary: keep
        ? "Keep the day's worklist: the day's tasks join those still open (as `credence worklist`)"
        : "The collector's tasks, ranked by amount × days overdue × risk, without keeping them (a GET writes nothing)",
      description: keep
        ? 'Idempotent: the same day refreshed twice changes nothing. Tasks dealt with by something recorded are closed and listed in `closed`. Run it once a day (after the dunning run): a task can be marked done or snoozed once it is kept.'
        : 'What POST /worklist/refresh would keep and show, read only: new tasks of the day are not kept (they cannot be marked done or snoozed until a refresh keeps them).',
      request: { query: WorklistQuery },
      responses: { 200: json(Worklist, 'the worklist'), ...problems(...SECURED, 'rejected', 'missing-data') },
    }),
    async (c) => {
      const { deps } = c.var;
      const q = c.req.valid('query');
      const company = companyOf(deps);
      if (!company.ok) return company.response;
      const asOf = asDate(q.asOf ?? deps.clock.today());
      const currency = asCurrency(q.currency ?? 'EUR');
      const day = {
        asOf,
        policy: await dunningPolicyOf(deps),
        company: company.value,
        rates: deps.policies.rates,
        currency,
        defaultPd: deps.policies.grading.policy.basePd,
        ...(deps.policies.check.credit?.deliveryConfirmation !== undefined
          ? { delivery: deps.policies.check.credit.deliveryConfirmation }
          : {}),
        ...(deps.policies.check.credit?.securities !== undefined
          ? { securities: deps.policies.check.credit.securities }
          : {}),
      };
      const r = keep ? await refreshWorklist(writer(c), day) : await viewWorklist(deps.store, day);
      if (!r.ok) return failureResponse(r.error);
      const lang = langOf(q);
      const { action, collector, country, level, tier } = q;
      const filter = Object.fromEntries(
        Object.entries({ action, collector, country, level, tier }).filter(([, v]) => v !== undefined),
      );
      const kept = await filterWorklist(deps.store, r.value.tasks, filter);
      const offset = q.offset ?? 0;
      return c.json(
        {
          asOf,
          currency,
          tasks: kept.tasks.slice(offset, offset + (q.limit ?? 50)).map((t) => taskJson(t, lang)),
          count: kept.tasks.length,
          facets: kept.facets,
          closed: r.value.closed.map((t) => taskJson(t, lang)),
          snoozed: r.value.snoozed,
        },
        200,
      );
    },
  );
}

export const getWorklist = worklistRoute(false);
export const refreshWorklistRoute = worklistRoute(true);

const KeyParam = z.object({
  key: z
    .string()
    .min(1)
    .max(400)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'call:L-2026-06-30-B0001' }),
});
const Note = z.string().min(1).max(4000).optional().openapi({ description: 'what was done, the outcome, or why' });

export const completeTaskRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'completeTask',
    method: 'post',
    path: '/worklist/{key}/done',
    tags: ['collections'],
    summary: 'Mark a task done; the note goes on the buyer timeline (`credence worklist done`)',
    request: {
      params: KeyParam,
      query: LangQuery,
      body: { required: true, content: { 'application/json': { schema: z.object({ note: Note }) } } },
    },
    responses: {
      200: json(Task, 'done'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const { key } = c.req.valid('param');
    const { note } = c.req.valid('json');
    const r = await completeTask(
      writer(c),
      { key, by: userOf(c), ...(note !== undefined ? { note } : {}) },
      c.var.deps.clock.today(),
    );
    return r.ok ? c.json(taskJson(r.value, langOf(c.req.valid('query'))), 200) : failureResponse(r.error);
  },
);

export const snoozeTaskRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'snoozeTask',
    method: 'post',
    path: '/worklist/{key}/snooze',
    tags: ['collections'],
    summary: 'Put a task aside until a date; it comes back then unless dealt with (`credence worklist snooze`)',
    request: {
      params: KeyParam,
      query: LangQuery,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ until: IsoDate.openapi({ description: 'after today' }), note: Note }),
          },
        },
      },
    },
    responses: {
      200: json(Task, 'snoozed'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const { key } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await snoozeTask(
      writer(c),
      {
        key,
        until: asDate(b.until),
        by: userOf(c),
        ...(b.note !== undefined ? { note: b.note } : {}),
      },
      c.var.deps.clock.today(),
    );
    return r.ok ? c.json(taskJson(r.value, langOf(c.req.valid('query'))), 200) : failureResponse(r.error);
  },
);
