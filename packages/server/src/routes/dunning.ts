import { type DunningRunResult, type RecordedLetter, runDunning } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { companyOf, dunningPolicyOf } from '../collecting';
import { asDate, IsoDate, Money } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { COLLECTION } from './access';
import {
  LetterSummary,
  LevelTotals,
  letterSummary,
  levelTotals,
  OutboxKind,
  plannedOutbox,
} from './dunning-letters-json';

const RunBody = z
  .object({
    asOf: IsoDate.optional().openapi({ description: 'the run date; default today (a live run may not be later)' }),
    dryRun: z.boolean().optional().openapi({ description: 'decide and show, record nothing (default false)' }),
    confirm: z
      .boolean()
      .optional()
      .openapi({ description: 'a first run: also send what is beyond the first overdue level' }),
  })
  .openapi('DunningRunRequest');

const Run = z
  .object({
    asOf: z.string(),
    dryRun: z.boolean(),
    actions: z.array(
      LetterSummary.extend({
        outbox: z
          .array(z.object({ kind: OutboxKind, recipient: z.string().optional() }))
          .openapi({ description: 'what the letter is delivered as: e-mail, a printed letter to post, a case file' }),
        documents: z.array(
          z.object({
            number: z.string(),
            outstanding: Money,
            dueDate: z.string(),
            daysOverdue: z.number().int(),
            interest: Money.nullable().openapi({ description: 'null: it could not be computed (see warnings)' }),
          }),
        ),
      }),
    ),
    byLevel: LevelTotals.openapi({ description: 'the letters of the run by level, with the totals they ask for' }),
    skipped: z.array(z.object({ number: z.string(), buyerId: z.string(), reason: z.string() })),
    events: z.array(z.object({ kind: z.string(), buyerId: z.string(), id: z.string().optional() })),
    warnings: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
    firstRun: z
      .object({
        reason: z.string(),
        imported: z.number().int(),
        confirmed: z.boolean(),
        byLevel: z.array(z.object({ level: z.string(), letters: z.number().int(), amounts: z.array(Money) })),
        held: z.array(z.object({ buyerId: z.string(), level: z.string() })),
      })
      .optional(),
  })
  .openapi('DunningRun');

/** An action and its letter: the run builds `actions` from `letters`, one each, in the same order. */
const summaryOf = (r: RecordedLetter) => ({ ...letterSummary(r.letter), outbox: plannedOutbox(r) });

const runJson = (r: DunningRunResult, dryRun: boolean) => ({
  asOf: r.asOf,
  dryRun,
  actions: r.actions.map((a, i) => ({
    ...summaryOf(r.letters[i] as RecordedLetter),
    documents: a.documents.map((d) => ({
      number: d.number,
      outstanding: { amount: d.outstanding, currency: d.currency },
      dueDate: d.dueDate,
      daysOverdue: d.daysOverdue,
      interest: d.interest === null ? null : { amount: d.interest, currency: d.currency },
    })),
  })),
  byLevel: levelTotals(r.letters.map((l) => l.letter)),
  skipped: r.skipped.map((s) => ({ number: s.number, buyerId: s.buyerId, reason: s.reason })),
  events: r.events.map((e) => ({ kind: e.kind, buyerId: e.buyerId, ...('id' in e ? { id: e.id } : {}) })),
  warnings: r.warnings.map((w) => ({ code: w.code, params: { ...w.params } })),
  ...(r.firstRun
    ? {
        firstRun: {
          reason: r.firstRun.reason,
          imported: r.firstRun.imported,
          confirmed: r.firstRun.confirmed,
          byLevel: r.firstRun.byLevel.map((l) => ({
            level: l.level,
            letters: l.letters,
            amounts: l.amounts.map((a) => ({ amount: a.amount, currency: a.currency })),
          })),
          held: r.firstRun.held.map((h) => ({ buyerId: h.buyerId, level: h.level })),
        },
      }
    : {}),
});

export const runDunningRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'runDunning',
    method: 'post',
    path: '/dunning-runs',
    tags: ['collections'],
    summary: "Decide the day's letters (`credence dunning run`): a dry run shows them, a live run records them",
    description:
      'A live run records each letter and its outbox entries exactly once per date (201); the same date again ' +
      'records nothing new. Delivery of the outbox is `credence dunning deliver` (the background worker). A first ' +
      'run holds letters beyond the first overdue level until a run with `confirm`.',
    request: { body: { required: true, content: { 'application/json': { schema: RunBody } } } },
    responses: {
      200: json(Run, 'the dry run: what would be sent'),
      201: json(Run, 'the run, recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-allowed', 'rejected', 'missing-data'),
    },
  }),
  async (c) => {
    const { deps } = c.var;
    const b = c.req.valid('json');
    const company = companyOf(deps);
    if (!company.ok) return company.response;
    const today = deps.clock.today();
    const dryRun = b.dryRun ?? false;
    const r = await runDunning(writer(c), {
      asOf: asDate(b.asOf ?? today),
      policy: await dunningPolicyOf(deps),
      company: company.value,
      rates: deps.policies.rates,
      dryRun,
      confirm: b.confirm ?? false,
      today,
    });
    if (!r.ok) return failureResponse(r.error);
    return c.json(runJson(r.value, dryRun), dryRun ? 200 : 201);
  },
);
