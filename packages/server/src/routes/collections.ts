import { addNote, addPromise, openDispute, resolveDispute } from '@credence/app';
import { DISPUTE_OUTCOMES, DISPUTE_REASONS, type DisputeOutcome, type DisputeReason } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, asCurrency, asDate, BuyerParam, Currency, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { COLLECTION } from './access';

const Id = z.string().min(1).max(200);
const Text = z.string().min(1).max(4000);

const NoteBody = z
  .object({
    kind: z.enum(['note', 'call']).optional().openapi({ description: 'default note' }),
    text: Text,
    documents: z.array(Id).max(1000).optional().openapi({ description: 'invoices of this buyer it is about' }),
    date: IsoDate.optional().openapi({ description: 'default today; not in the future' }),
  })
  .openapi('NoteRequest');

export const addNoteRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'addNote',
    method: 'post',
    path: '/buyers/{id}/notes',
    tags: ['collections'],
    summary: 'Record a note or a call with a buyer (as `credence note add`)',
    request: { params: BuyerParam, body: { required: true, content: { 'application/json': { schema: NoteBody } } } },
    responses: {
      201: json(z.object({ buyerId: z.string(), date: z.string() }).openapi('NoteRecorded'), 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await addNote(
      writer(c),
      {
        buyerId: id,
        kind: b.kind ?? 'note',
        text: b.text,
        documents: b.documents ?? [],
        by: userOf(c),
        ...(b.date !== undefined ? { date: asDate(b.date) } : {}),
      },
      c.var.deps.clock.today(),
    );
    return r.ok ? c.json({ ...r.value }, 201) : failureResponse(r.error);
  },
);

const DisputeBody = z
  .object({
    documents: z.array(Id).min(1).max(1000).openapi({ description: 'invoices of one buyer' }),
    reason: z.enum(DISPUTE_REASONS as [DisputeReason, ...DisputeReason[]]),
    owner: Id.optional().openapi({ description: 'who follows it up (default: the caller)' }),
    notes: z.string().max(4000).optional(),
  })
  .openapi('DisputeRequest');

export const Dispute = z
  .object({
    id: z.string(),
    buyerId: z.string(),
    date: z.string(),
    documents: z.array(z.string()),
    reason: z.string(),
    owner: z.string(),
    notes: z.string(),
    by: z.string(),
  })
  .openapi('Dispute');

export const openDisputeRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'openDispute',
    method: 'post',
    path: '/disputes',
    tags: ['collections'],
    summary: 'Open a dispute on invoices of one buyer: dunning pauses for them until it is resolved',
    request: { body: { required: true, content: { 'application/json': { schema: DisputeBody } } } },
    responses: {
      201: json(Dispute, 'opened'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const user = userOf(c);
    const r = await openDispute(
      writer(c),
      { documents: b.documents, reason: b.reason, owner: b.owner ?? user, notes: b.notes ?? '', by: user },
      c.var.deps.clock.today(),
    );
    if (!r.ok) return failureResponse(r.error);
    const d = r.value;
    return c.json(
      {
        id: d.id,
        buyerId: d.buyerId,
        date: d.date,
        documents: [...d.documents],
        reason: d.reason,
        owner: d.owner,
        notes: d.notes,
        by: d.by,
      },
      201,
    );
  },
);

const PromiseBody = z
  .object({
    amount: Amount,
    currency: Currency.optional().openapi({ description: "default: the documents', else the buyer's" }),
    date: IsoDate.openapi({ description: 'the day the buyer promises to pay by (today or later)' }),
    documents: z.array(Id).max(1000).optional().openapi({ description: 'default: all its open items' }),
    graceDays: z.number().int().min(0).max(60).optional().openapi({ description: 'default 3' }),
    notes: z.string().max(4000).optional(),
  })
  .openapi('PromiseRequest');

export const PromiseMade = z
  .object({
    id: z.string(),
    buyerId: z.string(),
    date: z.string(),
    amount: Money,
    promisedDate: z.string(),
    graceDays: z.number().int(),
    documents: z.array(z.string()),
    notes: z.string(),
    by: z.string(),
  })
  .openapi('Promise');

export const addPromiseRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'addPromise',
    method: 'post',
    path: '/buyers/{id}/promises',
    tags: ['collections'],
    summary: 'Record a promise to pay: dunning waits for it; kept or broken is decided by the payments',
    request: { params: BuyerParam, body: { required: true, content: { 'application/json': { schema: PromiseBody } } } },
    responses: {
      201: json(PromiseMade, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await addPromise(
      writer(c),
      {
        buyerId: id,
        amount: b.amount,
        ...(b.currency !== undefined ? { currency: asCurrency(b.currency) } : {}),
        date: asDate(b.date),
        documents: b.documents ?? [],
        graceDays: b.graceDays ?? 3,
        notes: b.notes ?? '',
        by: userOf(c),
      },
      c.var.deps.clock.today(),
    );
    if (!r.ok) return failureResponse(r.error);
    const p = r.value;
    return c.json(
      {
        id: p.id,
        buyerId: p.buyerId,
        date: p.date,
        amount: moneyJson(p.amount, p.currency),
        promisedDate: p.promisedDate,
        graceDays: p.graceDays,
        documents: [...p.documents],
        notes: p.notes,
        by: p.by,
      },
      201,
    );
  },
);

const ResolveBody = z
  .object({
    outcome: z.enum(DISPUTE_OUTCOMES as [DisputeOutcome, ...DisputeOutcome[]]),
    creditNote: Id.optional().openapi({ description: 'the credit note issued (outcomes credit_note and partial)' }),
    notes: z.string().max(4000).optional(),
  })
  .openapi('DisputeResolutionRequest');

const Resolution = z
  .object({
    id: z.string(),
    buyerId: z.string(),
    date: z.string(),
    outcome: z.string(),
    creditNote: z.string().optional(),
    accepted: Money.optional().openapi({ description: 'what was accepted as justified: the credit note' }),
    notes: z.string(),
    by: z.string(),
  })
  .openapi('DisputeResolution');

export const resolveDisputeRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'resolveDispute',
    method: 'post',
    path: '/disputes/{disputeId}/resolve',
    tags: ['collections'],
    summary: 'Resolve a dispute: rejected, or settled by a credit note (whole or partial); dunning resumes',
    request: {
      params: z.object({ disputeId: Id.openapi({ param: { name: 'disputeId', in: 'path' }, example: 'DSP-0001' }) }),
      body: { required: true, content: { 'application/json': { schema: ResolveBody } } },
    },
    responses: {
      201: json(Resolution, 'resolved'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const { disputeId } = c.req.valid('param');
    const b = c.req.valid('json');
    const store = writer(c);
    const r = await resolveDispute(
      store,
      {
        id: disputeId,
        outcome: b.outcome,
        ...(b.creditNote !== undefined ? { creditNote: b.creditNote } : {}),
        notes: b.notes ?? '',
        by: userOf(c),
      },
      c.var.deps.clock.today(),
    );
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    // The accepted amount is the credit note's, in its currency.
    const [cn] = v.creditNote === undefined ? [] : await store.findDocuments([v.creditNote]);
    return c.json(
      {
        id: v.id,
        buyerId: v.buyerId,
        date: v.date,
        outcome: v.outcome,
        ...(v.creditNote !== undefined ? { creditNote: v.creditNote } : {}),
        ...(v.accepted !== undefined && cn ? { accepted: moneyJson(v.accepted, cn.currency) } : {}),
        notes: v.notes,
        by: v.by,
      },
      201,
    );
  },
);
