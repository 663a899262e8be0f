import { type CashLine, listReviewQueue, listUnappliedCash } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { Money, moneyJson } from '../conventions';
import { defineRoute, json, problems, SECURED } from '../route';

/** The review queue and unapplied cash: the collectors and the credit manager decide; sales may look. */
const CASH_READERS = ['credit_manager', 'collector', 'sales'] as const;

const Query = z.object({
  buyerId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'buyerId', in: 'query' } }),
});

const Proposal = z.object({
  kind: z.enum(['payment', 'unapply']),
  buyerId: z.string(),
  score: z.number(),
  allocations: z.array(z.object({ document: z.string(), amount: Money })),
  onAccount: Money.optional(),
  paymentId: z.string().optional().openapi({ description: 'for `unapply`: the payment to reverse' }),
  reasons: z.array(z.string()).openapi({ description: 'reason codes (docs/domain/cash-application.md)' }),
});

export const Line = z
  .object({
    line: z.string().openapi({ description: '`statement:line`, as `credence cash review accept` takes it' }),
    state: z.enum(['applied', 'review', 'on_account', 'suspense', 'rejected', 'ignored']),
    bookingDate: z.string(),
    amount: Money,
    payerName: z.string().optional(),
    payerIban: z.string().optional(),
    remittance: z.string(),
    buyerId: z.string().optional(),
    paymentId: z.string().optional(),
    score: z.number().optional(),
    proposals: z.array(Proposal),
    reasons: z.array(z.string()),
    decidedBy: z.string(),
    note: z.string().optional(),
  })
  .openapi('CashLine');

const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));

export const lineJson = (c: CashLine) => {
  const l = c.bankLine;
  const m = (x: bigint) => moneyJson(x, l.currency);
  return {
    line: `${c.statement}:${c.line}`,
    state: c.state,
    bookingDate: l.bookingDate,
    amount: m(l.amount),
    ...opt('payerName', l.payerName),
    ...opt('payerIban', l.payerIban),
    remittance: l.remittance,
    ...opt('buyerId', c.buyerId),
    ...opt('paymentId', c.paymentId),
    ...opt('score', c.score),
    proposals: c.proposals.map((p) =>
      p.kind === 'payment'
        ? {
            kind: p.kind,
            buyerId: p.buyerId,
            score: p.score,
            allocations: p.allocations.map((a) => ({ document: a.document, amount: m(a.amount) })),
            onAccount: m(p.onAccount),
            reasons: p.reasons.map((r) => r.code),
          }
        : {
            kind: p.kind,
            buyerId: p.buyerId,
            score: p.score,
            allocations: [],
            paymentId: p.paymentId,
            reasons: p.reasons.map((r) => r.code),
          },
    ),
    reasons: c.reasons.map((r) => r.code),
    decidedBy: c.decidedBy,
    ...opt('note', c.note),
  };
};

export const listCashReviewRoute = defineRoute(
  CASH_READERS,
  createRoute({
    operationId: 'listCashReview',
    method: 'get',
    path: '/cash/review',
    tags: ['ledger'],
    summary: 'Bank lines waiting for review, with their proposals, scores and reasons (`credence cash review list`)',
    request: { query: Query },
    responses: {
      200: json(z.object({ lines: z.array(Line) }).openapi('CashReviewQueue'), 'the queue'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const rows = await listReviewQueue(c.var.deps.store, q.buyerId === undefined ? {} : { buyerId: q.buyerId });
    return c.json({ lines: rows.map(lineJson) }, 200);
  },
);

export const listUnappliedCashRoute = defineRoute(
  CASH_READERS,
  createRoute({
    operationId: 'listUnappliedCash',
    method: 'get',
    path: '/cash/unapplied',
    tags: ['ledger'],
    summary:
      'Bank lines on account, in suspense or rejected; of one buyer: its on-account lines (`credence cash unapplied`)',
    request: { query: Query },
    responses: {
      200: json(z.object({ lines: z.array(Line) }).openapi('UnappliedCash'), 'the lines'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const rows = await listUnappliedCash(c.var.deps.store, q.buyerId);
    return c.json({ lines: rows.map(lineJson) }, 200);
  },
);
