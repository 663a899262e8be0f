import { buyerDetail } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, BuyerParam, Money, moneyJson } from '../conventions';
import { failureResponse, problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { READERS } from './access';

const Buyer = z
  .object({
    id: z.string(),
    name: z.string(),
    legalId: z.string().optional(),
    country: z.string(),
    industry: z.string().optional(),
    currency: z.string(),
    paymentTermsDays: z.number().int(),
    groupId: z.string().optional(),
    language: z.string().optional(),
    email: z.string().optional(),
    salesOwner: z.string().optional(),
    collector: z.string().optional(),
    address: z.string().optional(),
    interestRegime: z.string().optional(),
    interestRate: z.string().optional(),
    phone: z.string().optional(),
  })
  .openapi('Buyer');

export const listBuyers = defineRoute(
  READERS,
  createRoute({
    operationId: 'listBuyers',
    method: 'get',
    path: '/buyers',
    tags: ['buyers'],
    summary: 'All buyers',
    responses: {
      200: json(z.object({ buyers: z.array(Buyer) }).openapi('BuyerList'), 'the buyers, by id'),
      ...problems(...SECURED),
    },
  }),
  async (c) => c.json({ buyers: await c.var.deps.store.listBuyers() }, 200),
);

const OpenItem = z.object({
  number: z.string(),
  type: z.enum(['invoice', 'credit_note']),
  issueDate: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number().int(),
  open: Money,
  owed: Money.openapi({ description: 'what is still owed once credit notes and unapplied cash are set off' }),
});

const BuyerDetail = z
  .object({
    buyer: Buyer,
    asOf: z.string(),
    openItems: z.array(OpenItem),
    unappliedCash: z.array(z.object({ payment: z.string(), date: z.string(), amount: Money, unapplied: Money })),
    creditBalance: z.array(Money),
    unconfirmedDeliveries: z
      .array(
        z.object({
          number: z.string(),
          amount: Money,
          deliveredOn: z.string(),
          dueOn: z
            .string()
            .openapi({ description: 'when the proof of delivery was due (delivered + the policy days)' }),
          daysLate: z.number().int(),
        }),
      )
      .openapi({
        description: "open invoices whose proof of delivery is due and not confirmed (the credit policy's rule)",
      }),
    payerPattern: z
      .object({
        class: z.enum(['cannot_pay', 'will_not_pay', 'unclear', 'not_overdue']),
        nextStep: z.enum(['payment_plan', 'escalate', 'call', 'none']),
        reasons: z.array(
          z.object({
            code: z.string(),
            points: z.enum(['cannot_pay', 'will_not_pay']),
            params: z.record(z.string(), z.union([z.string(), z.number()])),
          }),
        ),
      })
      .openapi({
        description: 'cannot pay or will not pay, with the signals and the next step (docs/domain/credit-policy.md)',
      }),
  })
  .openapi('BuyerDetail');

export const getBuyer = defineRoute(
  READERS,
  createRoute({
    operationId: 'getBuyer',
    method: 'get',
    path: '/buyers/{id}',
    tags: ['buyers'],
    summary: "A buyer's file and its open items as of a date (net position: credits set off, oldest first)",
    request: { params: BuyerParam, query: AsOfQuery },
    responses: { 200: json(BuyerDetail, 'the buyer'), ...problems(...SECURED, 'not-found') },
  }),
  async (c) => {
    const { store, clock, policies } = c.var.deps;
    const { id } = c.req.valid('param');
    const asOf = asDate(c.req.valid('query').asOf ?? clock.today());
    const delivery = policies.check.credit?.deliveryConfirmation;
    const r = await buyerDetail(store, { buyerId: id, asOf, ...(delivery !== undefined ? { delivery } : {}) });
    if (!r.ok) return failureResponse(r.error);
    const d = r.value;
    return c.json(
      {
        buyer: d.buyer,
        asOf: d.asOf,
        openItems: d.openItems.map((i) => ({
          number: i.number,
          type: i.type,
          issueDate: i.issueDate,
          dueDate: i.dueDate,
          daysOverdue: i.daysOverdue,
          open: moneyJson(i.open, i.currency),
          owed: moneyJson(i.owed, i.currency),
        })),
        unappliedCash: d.unappliedCash.map((p) => ({
          payment: p.id,
          date: p.date,
          amount: moneyJson(p.amount, p.currency),
          unapplied: moneyJson(p.unapplied, p.currency),
        })),
        creditBalance: d.creditBalance.map((b) => moneyJson(b.amount, b.currency)),
        unconfirmedDeliveries: d.unconfirmedDeliveries.map((u) => ({
          number: u.number,
          amount: moneyJson(u.amount, u.currency),
          deliveredOn: u.deliveredOn,
          dueOn: u.dueOn,
          daysLate: u.daysLate,
        })),
        payerPattern: d.payerPattern,
      },
      200,
    );
  },
);

export const notFoundBuyer = (id: string) =>
  problemResponse('not-found', `no buyer ${id}`, { code: 'not_found', params: { what: 'buyer', id } });
