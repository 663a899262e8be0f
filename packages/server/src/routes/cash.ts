import { applyCashDecimal, type CashApplied, reallocateCashDecimal } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, asDate, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { LEDGER_WRITERS } from './access';

const Id = z.string().min(1).max(200);

const PaymentParam = z.object({
  paymentId: Id.openapi({ param: { name: 'paymentId', in: 'path' }, example: 'PAY-2026-0815' }),
});

const Before = z.object({ before: Money, after: Money });

const Applied = z
  .object({
    id: z.string().openapi({ description: 'the idempotency key' }),
    kind: z.enum(['apply', 'reallocate']),
    paymentId: z.string(),
    from: z.string().optional(),
    to: z.string(),
    amount: Money,
    date: z.string(),
    by: z.string(),
    created: z.boolean().openapi({ description: 'false: already recorded, unchanged' }),
    unapplied: Before.openapi({ description: "the payment's unapplied cash before and after" }),
    documents: z
      .array(Before.extend({ number: z.string() }))
      .openapi({ description: 'open balances before and after' }),
  })
  .openapi('CashApplication');

const appliedJson = (v: CashApplied) => {
  const { application: a, figures: f } = v;
  const m = (x: bigint) => moneyJson(x, f.currency);
  return {
    id: a.id,
    kind: a.kind,
    paymentId: a.paymentId,
    ...(a.from !== undefined ? { from: a.from } : {}),
    to: a.to,
    amount: m(a.amount),
    date: a.date,
    by: a.by,
    created: v.created,
    unapplied: { before: m(f.unapplied.before), after: m(f.unapplied.after) },
    documents: f.documents.map((d) => ({ number: d.number, before: m(d.before), after: m(d.after) })),
  };
};

const Common = {
  amount: Amount.optional().openapi({ description: "in the payment's currency; default: as much as possible" }),
  date: IsoDate.optional().openapi({ description: 'default today' }),
  id: Id.optional().openapi({ description: 'the idempotency key (default: from payment, invoices, date and amount)' }),
};

const ApplyBody = z.object({ documentNumber: Id, ...Common }).openapi('CashApplyRequest');
const ReallocateBody = z
  .object({
    from: Id.openapi({ description: 'the invoice the payment was applied to' }),
    to: Id.openapi({ description: 'the open invoice it goes to instead' }),
    ...Common,
  })
  .openapi('CashReallocateRequest');

const responses = {
  200: json(Applied, 'already recorded with this content'),
  201: json(Applied, 'recorded'),
  ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'conflict', 'rejected'),
};

export const applyCashRoute = defineRoute(
  LEDGER_WRITERS,
  createRoute({
    operationId: 'applyCash',
    method: 'post',
    path: '/payments/{paymentId}/applications',
    tags: ['ledger'],
    summary: "Apply a payment's unapplied cash to an open invoice of its buyer (`credence payment apply`)",
    request: {
      params: PaymentParam,
      body: { required: true, content: { 'application/json': { schema: ApplyBody } } },
    },
    responses,
  }),
  async (c) => {
    const { paymentId } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await applyCashDecimal(writer(c), {
      paymentId,
      documentNumber: b.documentNumber,
      date: asDate(b.date ?? c.var.deps.clock.today()),
      by: userOf(c),
      ...(b.amount !== undefined ? { amount: b.amount } : {}),
      ...(b.id !== undefined ? { id: b.id } : {}),
    });
    return r.ok ? c.json(appliedJson(r.value), r.value.created ? 201 : 200) : failureResponse(r.error);
  },
);

export const reallocateCashRoute = defineRoute(
  LEDGER_WRITERS,
  createRoute({
    operationId: 'reallocateCash',
    method: 'post',
    path: '/payments/{paymentId}/reallocations',
    tags: ['ledger'],
    summary: 'Move an amount a payment applied to one invoice over to another (`credence payment reallocate`)',
    request: {
      params: PaymentParam,
      body: { required: true, content: { 'application/json': { schema: ReallocateBody } } },
    },
    responses,
  }),
  async (c) => {
    const { paymentId } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await reallocateCashDecimal(writer(c), {
      paymentId,
      from: b.from,
      to: b.to,
      date: asDate(b.date ?? c.var.deps.clock.today()),
      by: userOf(c),
      ...(b.amount !== undefined ? { amount: b.amount } : {}),
      ...(b.id !== undefined ? { id: b.id } : {}),
    });
    return r.ok ? c.json(appliedJson(r.value), r.value.created ? 201 : 200) : failureResponse(r.error);
  },
);
