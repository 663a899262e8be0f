import { reverseEntry } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { asDate, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { CREDIT } from './access';

const Id = z.string().min(1).max(200);

const ReversalBody = z
  .object({
    id: Id.openapi({ description: 'the idempotency key', example: 'REV-2026-3' }),
    kind: z.enum(['payment', 'write_off']),
    targetId: Id.openapi({ description: 'the payment or write-off undone' }),
    date: IsoDate.openapi({ description: 'undone from this date on; earlier figures stay as they were' }),
    reason: z.string().min(1).max(2000).openapi({ example: 'the transfer bounced' }),
  })
  .openapi('ReversalRequest');

const Reversal = z
  .object({
    id: z.string(),
    kind: z.enum(['payment', 'write_off']),
    targetId: z.string(),
    date: z.string(),
    reason: z.string(),
    created: z.boolean(),
    restored: z.array(z.object({ documentNumber: z.string(), amount: Money })),
  })
  .openapi('Reversal');

export const reverse = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'reverseEntry',
    method: 'post',
    path: '/reversals',
    tags: ['ledger'],
    summary: 'Undo a payment (a bounced transfer) or a write-off from a date on (as `credence reverse`)',
    request: { body: { required: true, content: { 'application/json': { schema: ReversalBody } } } },
    responses: {
      200: json(Reversal, 'already recorded with this content'),
      201: json(Reversal, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'conflict', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const r = await reverseEntry(writer(c), {
      id: b.id,
      kind: b.kind,
      targetId: b.targetId,
      date: asDate(b.date),
      reason: b.reason,
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    return c.json(
      {
        id: v.reversal.id,
        kind: v.reversal.kind,
        targetId: v.reversal.targetId,
        date: v.reversal.date,
        reason: v.reversal.reason,
        created: v.created,
        restored: v.allocations.map((a) => ({
          documentNumber: a.documentNumber,
          amount: moneyJson(a.delta, a.currency),
        })),
      },
      v.created ? 201 : 200,
    );
  },
);
