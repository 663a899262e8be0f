import {
  acceptBankLine,
  type CashLine,
  matchBankLines,
  parseLineRef,
  rejectBankLine,
  removeLearnedIban,
  repointBankLine,
  setLearnedIban,
} from '@credence/app';
import type { Failure } from '@credence/core';
import { policyInForce } from '@credence/runtime';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Money, moneyJson } from '../conventions';
import type { AppEnv } from '../deps';
import { failureResponse, problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { Line, lineJson } from './cash-lines';

/** The matching step and the review decisions: the collectors and the credit manager (issue 16). */
const CASH_DECIDERS = ['credit_manager', 'collector'] as const;
const CASH_READERS = ['credit_manager', 'collector', 'sales'] as const;

const Id = z.string().min(1).max(200);
const Note = z.string().min(1).max(2000);

const LineParams = z.object({
  statement: Id.openapi({ param: { name: 'statement', in: 'path' }, example: 'BST-1' }),
  line: z
    .string()
    .regex(/^\d+$/)
    .openapi({ param: { name: 'line', in: 'path' }, example: '1' }),
});

const IbanParam = z.object({
  iban: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'iban', in: 'path' }, example: 'AT611904300234573201' }),
});

const MatchSummary = z
  .object({
    lines: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    payments: z.array(z.string()),
    learned: z.number().int(),
  })
  .openapi('CashMatchSummary');

const Decision = z
  .object({
    line: Line,
    paymentId: z.string().optional(),
    allocations: z.array(z.object({ document: z.string(), amount: Money })),
    onAccount: Money.optional(),
    reversed: z.string().optional().openapi({ description: 'a reversal accepted: the payment reversed' }),
  })
  .openapi('CashLineDecision');

const LearnedIban = z
  .object({ iban: z.string(), buyerId: z.string(), learnedFrom: z.string().optional(), setBy: z.string() })
  .openapi('LearnedIban');

/** A decided line is a conflict (409); the rest as every route maps a use case's failure. */
const decisionFailure = (f: Failure): Response =>
  f.code === 'not_allowed' && f.params.reason === 'line_decided'
    ? problemResponse('conflict', `line ${f.params.line} is already decided (${f.params.state})`, {
        code: f.code,
        params: { ...f.params },
      })
    : failureResponse(f);

/** The line as stored after the decision, with what the decision wrote. */
async function decided(
  c: Context<AppEnv>,
  ref: string,
  x: {
    paymentId?: string;
    allocations?: readonly { document: string; amount: bigint }[];
    onAccount?: bigint;
    reversed?: string;
  },
): Promise<Response> {
  const key = parseLineRef(ref);
  const line: CashLine | undefined = key.ok
    ? await c.var.deps.store.cashLine(key.value.statement, key.value.line)
    : undefined;
  if (line === undefined) throw new Error(`bank line ${ref} decided but not found`);
  const cur = line.bankLine.currency;
  return c.json(
    {
      line: lineJson(line),
      ...(x.paymentId === undefined ? {} : { paymentId: x.paymentId }),
      allocations: (x.allocations ?? []).map((a) => ({ document: a.document, amount: moneyJson(a.amount, cur) })),
      ...(x.onAccount === undefined ? {} : { onAccount: moneyJson(x.onAccount, cur) }),
      ...(x.reversed === undefined ? {} : { reversed: x.reversed }),
    },
    200,
  );
}

const body = <T>(schema: T, required = true) => ({ required, content: { 'application/json': { schema } } });

export const matchCashRoute = defineRoute(
  CASH_DECIDERS,
  createRoute({
    operationId: 'matchCash',
    method: 'post',
    path: '/cash/match',
    tags: ['ledger'],
    summary: 'Match the imported bank lines waiting: apply the sure ones, queue the rest (`credence cash match`)',
    request: {
      body: body(
        z.object({ statement: Id.optional().openapi({ description: 'only this stored statement (BST-…)' }) }),
        false,
      ),
    },
    responses: {
      200: json(MatchSummary, 'the lines matched, by state'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json') ?? {};
    const s = writer(c);
    const r = await matchBankLines(s, {
      by: userOf(c),
      policy: await policyInForce(s, 'cash'),
      ...(b.statement === undefined ? {} : { statement: b.statement }),
    });
    if (!r.ok) return failureResponse(r.error);
    return c.json({ ...r.value, counts: { ...r.value.counts }, payments: [...r.value.payments] }, 200);
  },
);

const DECISION_PROBLEMS = [...SECURED, ...WITH_BODY, 'not-found', 'conflict', 'rejected'] as const;

export const acceptCashLineRoute = defineRoute(
  CASH_DECIDERS,
  createRoute({
    operationId: 'acceptCashLine',
    method: 'post',
    path: '/cash/review/{statement}/{line}/accept',
    tags: ['ledger'],
    summary: 'Apply a line as its proposal says, default the best (`credence cash review accept`)',
    description: 'Audited with who and why. A line already decided is a conflict (409).',
    request: {
      params: LineParams,
      body: body(
        z
          .object({
            proposal: z.number().int().min(1).max(100).optional().openapi({ description: '1 = the best (default)' }),
            note: Note.optional(),
          })
          .openapi('AcceptCashLineRequest'),
        false,
      ),
    },
    responses: { 200: json(Decision, 'applied'), ...problems(...DECISION_PROBLEMS) },
  }),
  async (c) => {
    const p = c.req.valid('param');
    const b = c.req.valid('json') ?? {};
    const ref = `${p.statement}:${p.line}`;
    const r = await acceptBankLine(writer(c), {
      line: ref,
      by: userOf(c),
      ...(b.proposal === undefined ? {} : { proposal: b.proposal }),
      ...(b.note === undefined ? {} : { note: b.note }),
    });
    if (!r.ok) return decisionFailure(r.error);
    const v = r.value;
    return decided(c, ref, 'reversed' in v ? { reversed: v.reversed } : v);
  },
);

export const rejectCashLineRoute = defineRoute(
  CASH_DECIDERS,
  createRoute({
    operationId: 'rejectCashLine',
    method: 'post',
    path: '/cash/review/{statement}/{line}/reject',
    tags: ['ledger'],
    summary: 'The proposals are wrong: the line stays unapplied until re-pointed (`credence cash review reject`)',
    request: {
      params: LineParams,
      body: body(z.object({ reason: Note }).openapi('RejectCashLineRequest')),
    },
    responses: { 200: json(Decision, 'rejected'), ...problems(...DECISION_PROBLEMS) },
  }),
  async (c) => {
    const p = c.req.valid('param');
    const ref = `${p.statement}:${p.line}`;
    const r = await rejectBankLine(writer(c), { line: ref, by: userOf(c), note: c.req.valid('json').reason });
    if (!r.ok) return decisionFailure(r.error);
    return decided(c, ref, {});
  },
);

export const repointCashLineRoute = defineRoute(
  CASH_DECIDERS,
  createRoute({
    operationId: 'repointCashLine',
    method: 'post',
    path: '/cash/review/{statement}/{line}/repoint',
    tags: ['ledger'],
    summary: 'Apply a line to a buyer and its documents, oldest due first (`credence cash review repoint`)',
    request: {
      params: LineParams,
      body: body(
        z
          .object({ buyerId: Id, documents: z.array(Id).max(1000).optional(), reason: Note })
          .openapi('RepointCashLineRequest'),
      ),
    },
    responses: { 200: json(Decision, 'applied to the buyer'), ...problems(...DECISION_PROBLEMS) },
  }),
  async (c) => {
    const p = c.req.valid('param');
    const b = c.req.valid('json');
    const ref = `${p.statement}:${p.line}`;
    const r = await repointBankLine(writer(c), {
      line: ref,
      buyerId: b.buyerId,
      documents: b.documents ?? [],
      by: userOf(c),
      note: b.reason,
    });
    if (!r.ok) return decisionFailure(r.error);
    return decided(c, ref, r.value);
  },
);

const ibanJson = (i: { iban: string; buyerId: string; learnedFrom?: string; setBy: string }) => ({
  iban: i.iban,
  buyerId: i.buyerId,
  ...(i.learnedFrom === undefined ? {} : { learnedFrom: i.learnedFrom }),
  setBy: i.setBy,
});

export const listCashIbansRoute = defineRoute(
  CASH_READERS,
  createRoute({
    operationId: 'listCashIbans',
    method: 'get',
    path: '/cash/ibans',
    tags: ['ledger'],
    summary: 'The payer IBANs known to be a buyer’s, learned or set (`credence cash ibans list`)',
    request: {
      query: z.object({ buyerId: Id.optional().openapi({ param: { name: 'buyerId', in: 'query' } }) }),
    },
    responses: {
      200: json(z.object({ ibans: z.array(LearnedIban) }).openapi('LearnedIbans'), 'the map'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const rows = (await c.var.deps.store.learnedIbans()).filter(
      (i) => q.buyerId === undefined || i.buyerId === q.buyerId,
    );
    return c.json({ ibans: rows.map(ibanJson) }, 200);
  },
);

export const setCashIbanRoute = defineRoute(
  ['credit_manager'],
  createRoute({
    operationId: 'setCashIban',
    method: 'put',
    path: '/cash/ibans/{iban}',
    tags: ['ledger'],
    summary: 'Say whose an IBAN is, replacing what was learned (`credence cash ibans set`)',
    request: { params: IbanParam, body: body(z.object({ buyerId: Id }).openapi('SetCashIbanRequest')) },
    responses: {
      200: json(LearnedIban, 'set'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const r = await setLearnedIban(writer(c), {
      iban: c.req.valid('param').iban,
      buyerId: c.req.valid('json').buyerId,
      by: userOf(c),
    });
    if (!r.ok) return failureResponse(r.error);
    return c.json(ibanJson(r.value), 200);
  },
);

export const removeCashIbanRoute = defineRoute(
  ['credit_manager'],
  createRoute({
    operationId: 'removeCashIban',
    method: 'delete',
    path: '/cash/ibans/{iban}',
    tags: ['ledger'],
    summary: 'The IBAN is no evidence of any buyer any more (`credence cash ibans remove`)',
    request: { params: IbanParam },
    responses: {
      200: json(z.object({ iban: z.string() }).openapi('RemovedCashIban'), 'removed'),
      ...problems(...SECURED, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const r = await removeLearnedIban(writer(c), c.req.valid('param').iban);
    if (!r.ok) return failureResponse(r.error);
    return c.json({ iban: r.value.iban }, 200);
  },
);
