import { writeOffDecimal } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, asDate, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { CREDIT } from './access';

const Id = z.string().min(1).max(200);

const DocumentParam = z.object({
  number: Id.openapi({ param: { name: 'number', in: 'path' }, example: 'INV-2026-0042' }),
});

const WriteOffBody = z
  .object({
    id: Id.openapi({ description: 'the idempotency key', example: 'WO-2026-7' }),
    date: IsoDate,
    reason: z.string().min(1).max(2000).openapi({ example: 'insolvency, no dividend expected' }),
    amount: Amount.optional().openapi({ description: "default: the invoice's whole open balance" }),
  })
  .openapi('WriteOffRequest');

const WriteOff = z
  .object({
    id: z.string(),
    documentNumber: z.string(),
    date: z.string(),
    amount: Money,
    reason: z.string(),
    created: z.boolean(),
  })
  .openapi('WriteOff');

export const writeOff = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'writeOff',
    method: 'post',
    path: '/documents/{number}/write-offs',
    tags: ['ledger'],
    summary: "Write off (part of) an invoice's open balance (as `credence write-off`)",
    description: 'Idempotent on the id: the same content again changes nothing (200); other content is a conflict.',
    request: {
      params: DocumentParam,
      body: { required: true, content: { 'application/json': { schema: WriteOffBody } } },
    },
    responses: {
      200: json(WriteOff, 'already recorded with this content'),
      201: json(WriteOff, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'conflict', 'rejected'),
    },
  }),
  async (c) => {
    const { number } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await writeOffDecimal(writer(c), {
      id: b.id,
      documentNumber: number,
      date: asDate(b.date),
      reason: b.reason,
      ...(b.amount !== undefined ? { amount: b.amount } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const currency = r.value.currency;
    if (currency === undefined) throw new Error(`write-off ${b.id} recorded without its document's currency`);
    const w = r.value.writeOff;
    return c.json(
      {
        id: w.id,
        documentNumber: w.documentNumber,
        date: w.date,
        amount: moneyJson(w.amount, currency),
        reason: w.reason,
        created: r.value.created,
      },
      r.value.created ? 201 : 200,
    );
  },
);
