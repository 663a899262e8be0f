import { writeOffDocument } from '@credence/app';
import { parseMoney } from '@credence/core';
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
    const store = writer(c);
    const [doc] = await store.findDocuments([number]);
    if (doc === undefined) return failureResponse({ code: 'unknown_document', params: { documentNumber: number } });
    let amount: bigint | undefined;
    if (b.amount !== undefined) {
      const m = parseMoney(b.amount, doc.currency);
      if (!m.ok || m.value.amount <= 0n)
        return failureResponse({ code: 'invalid_amount', params: { field: 'amount', value: b.amount } });
      amount = m.value.amount;
    }
    const r = await writeOffDocument(store, {
      id: b.id,
      documentNumber: number,
      date: asDate(b.date),
      reason: b.reason,
      ...(amount !== undefined ? { amount } : {}),
    });
    if (!r.ok) {
      const open = r.error.params.open;
      // The use case speaks minor units; the caller reads decimals.
      return failureResponse(
        typeof open === 'string'
          ? { ...r.error, params: { ...r.error.params, open: moneyJson(BigInt(open), doc.currency).amount } }
          : r.error,
      );
    }
    const w = r.value.writeOff;
    return c.json(
      {
        id: w.id,
        documentNumber: w.documentNumber,
        date: w.date,
        amount: moneyJson(w.amount, doc.currency),
        reason: w.reason,
        created: r.value.created,
      },
      r.value.created ? 201 : 200,
    );
  },
);
