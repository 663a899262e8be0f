import { answerStatement, monthStart, type StatementAnswer, type StatementRecord } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { COLLECTION, REPORTERS } from './access';

const Record_ = z
  .object({
    buyerId: z.string(),
    asOf: z.string().openapi({ description: "the statement's closing date" }),
    kind: z.enum(['sent', 'confirmed', 'disputed']),
    document: z.string().optional().openapi({ description: 'the disputed line' }),
    note: z.string().optional().openapi({ description: "the buyer's words on a disputed line" }),
    detail: z.string().optional().openapi({ description: "a sending's outcome: channel and recipient" }),
    by: z.string(),
    recordedOn: z.string(),
  })
  .openapi('StatementRecord');

const recordJson = (r: StatementRecord) => ({
  buyerId: r.buyerId,
  asOf: r.asOf,
  kind: r.kind,
  ...(r.document !== undefined ? { document: r.document } : {}),
  ...(r.note !== undefined ? { note: r.note } : {}),
  ...(r.detail !== undefined ? { detail: r.detail } : {}),
  by: r.by,
  recordedOn: r.recordedOn,
});

const Answered = z
  .object({
    record: Record_,
    created: z.boolean().openapi({ description: 'false: the same answer was recorded before (nothing changed)' }),
  })
  .openapi('StatementAnswered');

export const listStatementRecordsRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'listStatementRecords',
    method: 'get',
    path: '/buyers/{id}/statement/records',
    tags: ['buyers'],
    summary: "What became of a buyer's statements: sent, confirmed, lines disputed (`statement buyer --format json`)",
    request: {
      params: BuyerParam,
      query: AsOfQuery.extend({
        from: IsoDate.optional().openapi({
          param: { name: 'from', in: 'query' },
          description: 'statements closing from this day; default the first of the month of asOf',
        }),
      }),
    },
    responses: {
      200: json(z.object({ records: z.array(Record_) }).openapi('StatementRecords'), 'in recording order'),
      ...problems(...SECURED, 'not-found'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { clock, store } = c.var.deps;
    if ((await store.getBuyer(id)) === undefined)
      return failureResponse({ code: 'not_found', params: { what: 'buyer', id } });
    const asOf = asDate(q.asOf ?? clock.today());
    const from = q.from !== undefined ? asDate(q.from) : monthStart(asOf);
    return c.json({ records: (await store.statementRecords(id, from, asOf)).map(recordJson) }, 200);
  },
);

const ConfirmBody = z
  .object({ asOf: IsoDate.openapi({ description: "the statement's closing date" }) })
  .openapi('StatementConfirmation', { example: { asOf: '2026-05-31' } });

const DisputeBody = z
  .object({
    asOf: IsoDate.openapi({ description: "the statement's closing date" }),
    document: z.string().min(1).max(200).openapi({ description: 'the disputed line: a document of the buyer' }),
    note: z.string().min(1).max(2000).openapi({ description: "the buyer's words" }),
  })
  .openapi('StatementDispute', {
    example: { asOf: '2026-05-31', document: 'INV-1001', note: 'goods returned on 2026-05-20' },
  });

/** `statement confirm` and `statement dispute` over HTTP: the same use case, audited as the caller. */
const answerRoute = (kind: 'confirm' | 'dispute') =>
  defineRoute(
    COLLECTION,
    createRoute({
      operationId: kind === 'confirm' ? 'confirmStatement' : 'disputeStatementLine',
      method: 'post',
      path: kind === 'confirm' ? '/buyers/{id}/statement/confirmation' : '/buyers/{id}/statement/disputes',
      tags: ['buyers'],
      summary:
        kind === 'confirm'
          ? "Record the buyer's confirmation of its statement's closing balance (`credence statement confirm`)"
          : 'Record a line of the statement the buyer disputes, with its words (`credence statement dispute`)',
      description:
        'Once each: the same answer again changes nothing (`created: false`). A date after today, an empty note or another buyer’s document is rejected (422); an unknown buyer or document is 404.',
      request: {
        params: BuyerParam,
        body: {
          required: true,
          content: { 'application/json': { schema: kind === 'confirm' ? ConfirmBody : DisputeBody } },
        },
      },
      responses: {
        201: json(Answered, 'recorded (or recorded before: created false)'),
        ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json') as { asOf: string; document?: string; note?: string };
      const answer: StatementAnswer =
        b.document !== undefined && b.note !== undefined
          ? { kind: 'disputed', document: b.document, note: b.note }
          : { kind: 'confirmed' };
      const today = c.var.deps.clock.today();
      const r = await answerStatement(writer(c), { buyerId: id, asOf: asDate(b.asOf), answer, by: userOf(c) }, today);
      if (!r.ok) return failureResponse(r.error);
      return c.json({ record: recordJson(r.value.record), created: r.value.created }, 201);
    },
  );

export const confirmStatementRoute = answerRoute('confirm');
export const disputeStatementRoute = answerRoute('dispute');
