import { type InsuranceClaimView, insuranceClaim, policyNamed, recordInsuranceEvent } from '@credence/app/insurance';
import { renderNotificationPdf } from '@credence/letters';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, AsOfQuery, asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, READERS } from './access';
import { EventJson, eventJson } from './insurance';
import { currencies, dec } from './insurance-reports';

// Trade credit insurance, the claim of a buyer (`credence insurance notify`, `credence insurance claim …`):
// the overdue notification, the claim file, the indemnity and the recoveries. Amounts in the policy's currency.

const PolicyQuery = AsOfQuery.extend({
  policy: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'policy', in: 'query' }, description: 'the policy number; default: the only one' }),
});

const NotificationJson = z
  .object({
    policyNumber: z.string(),
    buyerId: z.string(),
    currency: z.string(),
    notifiedOn: z.string(),
    dateOfLoss: z.string(),
    invoices: z.array(
      z.object({
        invoiceId: z.string(),
        originalDueDate: z.string(),
        open: Amount.openapi({ description: 'gross open at the end of the notification day' }),
        insuredOpen: Amount,
      }),
    ),
  })
  .openapi('InsuranceNotification');

const notificationJson = (v: InsuranceClaimView) => ({
  policyNumber: v.policyNumber,
  buyerId: v.buyerId,
  currency: v.currency,
  notifiedOn: v.settlement.notifiedOn,
  dateOfLoss: v.settlement.dateOfLoss,
  invoices: v.settlement.debts.map((d) => ({
    invoiceId: d.invoiceId,
    originalDueDate: d.dueDate,
    open: dec(d.openAtNotification, v.currency),
    insuredOpen: dec(d.insuredLoss, v.currency),
  })),
});

export const notifyOverdueRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'notifyOverdue',
    method: 'post',
    path: '/buyers/{id}/insurance-notification',
    tags: ['insurance'],
    summary:
      "Notify a buyer's overdue to the insurer: opens the claim, answers the form's figures (`credence insurance notify`)",
    description:
      'Recorded once per buyer and policy; the same date again answers the same figures. The form as PDF: ' +
      'GET /buyers/{id}/insurance-notification.',
    request: {
      params: BuyerParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              policyNumber: z.string().min(1).max(100).optional().openapi({ description: 'default: the only policy' }),
              date: IsoDate.optional().openapi({ description: 'default: today' }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(NotificationJson, 'notified: the debts open at the end of the day, their original due dates'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const b = c.req.valid('json');
    const on = asDate(b.date ?? c.var.deps.clock.today());
    const policy = b.policyNumber !== undefined ? { policyNumber: b.policyNumber } : {};
    const v = await recordInsuranceEvent(writer(c), {
      buyerId: id,
      kind: 'notification',
      date: on,
      by: userOf(c),
      reason: 'overdue notification',
      ...policy,
    });
    if (!v.ok) return failureResponse(v.error);
    const r = await insuranceClaim(c.var.deps.store, { buyerId: id, asOf: v.value.date, ...policy });
    return r.ok ? c.json(notificationJson(r.value), 201) : failureResponse(r.error);
  },
);

export const notificationFormRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'notificationForm',
    method: 'get',
    path: '/buyers/{id}/insurance-notification',
    tags: ['insurance'],
    summary: "The insurer's overdue-notification form as PDF, in the policy's language (`credence insurance notify`)",
    request: { params: BuyerParam, query: PolicyQuery },
    responses: {
      200: {
        description: "the form; the insured's name from the company settings",
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...problems(...SECURED, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const id = c.req.valid('param').id;
    const q = c.req.valid('query');
    const store = c.var.deps.store;
    const r = await insuranceClaim(store, {
      buyerId: id,
      asOf: asDate(q.asOf ?? c.var.deps.clock.today()),
      ...(q.policy !== undefined ? { policyNumber: q.policy } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const policy = await policyNamed(store, r.value.policyNumber);
    const b = await store.getBuyer(id);
    const pdf = await renderNotificationPdf(
      {
        claim: r.value,
        insurer: policy.ok ? policy.value.insurer : '',
        insured: c.var.deps.company?.name ?? '',
        buyer: { id, name: b?.name ?? id, country: b?.country ?? '' },
      },
      policy.ok ? policy.value.language : 'en',
    );
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="notification-${id}-${r.value.settlement.notifiedOn}.pdf"`,
      },
    });
  },
);

const STEPS = {
  open: 'notification',
  document: 'claim_document',
  complete: 'claim_file_complete',
  insolvency: 'insolvency',
  indemnify: 'indemnity_paid',
  recover: 'recovery',
} as const;

export const recordClaimStepRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'recordClaimStep',
    method: 'post',
    path: '/buyers/{id}/insurance-claim',
    tags: ['insurance'],
    summary:
      'A step of the claim: open, a document of the file, file complete, insolvency, indemnity received, recovery (`credence insurance claim open|add-document|complete|insolvency|indemnify|recover`)',
    description:
      'Every step but open needs the notification first; open, complete, insolvency and indemnify are made once. ' +
      'A recovery is net of VAT when the policy excludes VAT. The same step again returns the stored one.',
    request: {
      params: BuyerParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              step: z.enum(['open', 'document', 'complete', 'insolvency', 'indemnify', 'recover']),
              policyNumber: z.string().min(1).max(100).optional().openapi({ description: 'default: the only policy' }),
              date: IsoDate.optional().openapi({ description: 'default: today' }),
              amount: Amount.optional().openapi({ description: 'indemnify and recover' }),
              document: z.string().min(1).max(200).optional().openapi({ description: 'document: its name' }),
            }),
          },
        },
      },
    },
    responses: {
      201: json(EventJson, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    if (b.step === 'document' && b.document === undefined)
      return failureResponse({ code: 'missing_field', params: { field: 'document' } });
    const r = await recordInsuranceEvent(writer(c), {
      buyerId: c.req.valid('param').id,
      kind: STEPS[b.step],
      date: asDate(b.date ?? c.var.deps.clock.today()),
      by: userOf(c),
      ...(b.policyNumber !== undefined ? { policyNumber: b.policyNumber } : {}),
      ...(b.amount !== undefined ? { amount: b.amount } : {}),
      ...(b.step === 'document' && b.document !== undefined ? { reference: b.document } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const cur = await currencies(c.var.deps.store);
    return c.json(eventJson(r.value, cur.get(r.value.policyNumber) ?? 'EUR'), 201);
  },
);

const ClaimJson = z
  .object({
    policyNumber: z.string(),
    buyerId: z.string(),
    currency: z.string(),
    notifiedOn: z.string(),
    dateOfLoss: z.string(),
    debts: z.array(
      z.object({
        invoiceId: z.string(),
        originalDueDate: z.string(),
        openAtNotification: Amount,
        preLossPaid: Amount,
        remaining: Amount,
        loss: Amount.openapi({ description: "in the policy's basis (net of VAT when VAT is excluded)" }),
        insuredLoss: Amount,
      }),
    ),
    loss: Amount,
    insuredLoss: Amount,
    indemnity: Amount,
    steps: z
      .array(z.object({ code: z.string(), amount: Amount }))
      .openapi({ description: 'how the indemnity was reached, in order (the amount after each step)' }),
    indemnityDue: z.string(),
    indemnityPaid: Amount.optional(),
    recoveries: z.array(z.object({ date: z.string(), amount: Amount, insurer: Amount, insured: Amount })),
    owedToInsurer: Amount,
    documents: z.array(z.string()),
  })
  .openapi('InsuranceClaim');

export const insuranceClaimRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'insuranceClaim',
    method: 'get',
    path: '/buyers/{id}/insurance-claim',
    tags: ['insurance'],
    summary:
      "A buyer's claim as it stands: date of loss, debts, the indemnity and how, recoveries and the insurer's share (`credence insurance claim show`)",
    request: { params: BuyerParam, query: PolicyQuery },
    responses: {
      200: json(ClaimJson, 'the claim'),
      ...problems(...SECURED, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const r = await insuranceClaim(c.var.deps.store, {
      buyerId: c.req.valid('param').id,
      asOf: asDate(q.asOf ?? c.var.deps.clock.today()),
      ...(q.policy !== undefined ? { policyNumber: q.policy } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    const s = v.settlement;
    const m = (x: bigint) => dec(x, v.currency);
    return c.json(
      {
        policyNumber: v.policyNumber,
        buyerId: v.buyerId,
        currency: v.currency,
        notifiedOn: s.notifiedOn,
        dateOfLoss: s.dateOfLoss,
        debts: s.debts.map((d) => ({
          invoiceId: d.invoiceId,
          originalDueDate: d.dueDate,
          openAtNotification: m(d.openAtNotification),
          preLossPaid: m(d.preLossPaid),
          remaining: m(d.remaining),
          loss: m(d.loss),
          insuredLoss: m(d.insuredLoss),
        })),
        loss: m(s.loss),
        insuredLoss: m(s.insuredLoss),
        indemnity: m(s.indemnity),
        steps: s.steps.map((x) => ({ code: x.code, amount: m(x.amount) })),
        indemnityDue: v.indemnityDue,
        ...(v.indemnityPaid !== undefined ? { indemnityPaid: m(v.indemnityPaid) } : {}),
        recoveries: v.recoveries.map((x) => ({
          date: x.date,
          amount: m(x.amount),
          insurer: m(x.insurer),
          insured: m(x.insured),
        })),
        owedToInsurer: m(v.owedToInsurer),
        documents: [...v.documents],
      },
      200,
    );
  },
);
