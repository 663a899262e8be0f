import { addOrder } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, Currency, checkPositiveAmount, IsoDate } from '../conventions';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { LEDGER_WRITERS } from './access';
import { rowErrorsResponse } from './row-errors';

const Id = z.string().min(1).max(200);

const OrderBody = z
  .object({
    id: Id.openapi({ example: 'SO-4711' }),
    buyerId: Id,
    date: IsoDate,
    amount: Amount,
    currency: Currency,
    status: z.enum(['open', 'delivered', 'invoiced', 'cancelled']).optional().openapi({ description: 'default open' }),
  })
  .superRefine(checkPositiveAmount)
  .openapi('OrderRequest');

/** Body field of each order-book column (`addOrder`'s row errors name the column). */
const FIELD_OF: Readonly<Record<string, string>> = {
  order_id: 'id',
  buyer_id: 'buyerId',
  order_date: 'date',
  amount: 'amount',
  currency: 'currency',
  status: 'status',
};

const OrderRecorded = z
  .object({ id: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) })
  .openapi('OrderRecorded');

export const recordOrder = defineRoute(
  LEDGER_WRITERS,
  createRoute({
    operationId: 'recordOrder',
    method: 'post',
    path: '/orders',
    tags: ['credit'],
    summary:
      'Record or update one order (its status moves on): the exposure of the credit check (as `credence order add`)',
    request: { body: { required: true, content: { 'application/json': { schema: OrderBody } } } },
    responses: {
      200: json(OrderRecorded, 'updated or unchanged'),
      201: json(OrderRecorded, 'created'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'conflict', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const r = await addOrder(writer(c), { ...b, status: b.status ?? 'open' });
    if (!r.ok) return rowErrorsResponse('order', r.error.errors, FIELD_OF);
    const outcome = r.value.created > 0 ? 'created' : r.value.updated > 0 ? 'updated' : 'unchanged';
    return c.json({ id: b.id, outcome }, outcome === 'created' ? 201 : 200);
  },
);
