import { buyerNetPosition } from '@credence/app';
import { daysOverdue } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, BuyerParam, Money, moneyJson } from '../conventions';
import { problemResponse } from '../problem';
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
    const { store, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const asOf = asDate(c.req.valid('query').asOf ?? clock.today());
    const buyer = await store.getBuyer(id);
    if (buyer === undefined) return notFoundBuyer(id);
    const net = await buyerNetPosition(store, id, asOf);
    const owedOf = new Map(net.items.map((i) => [i.number, i.open]));
    const items = [...net.gross].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    return c.json(
      {
        buyer,
        asOf,
        openItems: items.map((i) => {
          const owed = i.type === 'invoice' && i.open > 0n ? (owedOf.get(i.number) ?? 0n) : 0n;
          return {
            number: i.number,
            type: i.type,
            issueDate: i.issueDate,
            dueDate: i.dueDate,
            daysOverdue: owed > 0n ? Math.max(0, daysOverdue(i.dueDate, asOf)) : 0,
            open: moneyJson(i.open, i.currency),
            owed: moneyJson(owed, i.currency),
          };
        }),
        unappliedCash: net.payments.map((p) => ({
          payment: p.id,
          date: p.date,
          amount: moneyJson(p.amount, p.currency),
          unapplied: moneyJson(p.unapplied, p.currency),
        })),
        creditBalance: net.creditBalance.map((b) => moneyJson(b.amount, b.currency)),
      },
      200,
    );
  },
);

export const notFoundBuyer = (id: string) =>
  problemResponse('not-found', `no buyer ${id}`, { code: 'not_found', params: { what: 'buyer', id } });
