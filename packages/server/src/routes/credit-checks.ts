import { checkOrderAndNotify } from '@credence/app';
import { type CheckReason, type Money as CoreMoney, type CurrencyCode, checkReasonMessage } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import {
  Amount,
  asCurrency,
  asDate,
  Currency,
  checkPositiveAmount,
  IsoDate,
  Money,
  minorUnits,
  moneyJson,
} from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { CHECKERS } from './access';
import { LangQuery, langOf, Reason, reasonText } from './lang';

const CheckRequest = z
  .object({
    buyerId: z.string().min(1).max(200).openapi({ example: 'B0001' }),
    amount: Amount,
    currency: Currency,
    orderId: z.string().min(1).max(200).optional().openapi({ description: 'echoed back, for the ERP to match' }),
    asOf: IsoDate.optional().openapi({ description: 'default: today' }),
    termsDays: z.number().int().min(0).max(3650).optional().openapi({
      description: "the order's payment terms in days: longer than the buyer's risk tier allows is referred",
      example: 45,
    }),
  })
  .superRefine(checkPositiveAmount)
  .openapi('CreditCheckRequest', {
    example: { buyerId: 'B0001', amount: '12000.00', currency: 'EUR', orderId: 'SO-4711' },
  });

const CheckResponse = z
  .object({
    decision: z.enum(['approve', 'hold', 'refer']),
    reasons: z.array(Reason),
    buyerId: z.string(),
    orderId: z.string().optional(),
    asOf: z.string(),
    order: Money.openapi({ description: "the order, in the limit's currency" }),
    exposure: z.object({
      openReceivables: Money,
      openOrders: Money,
      deliveredNotInvoiced: Money,
      afterOrder: Money,
      secured: Money.openapi({
        description: 'what guarantees and letters of credit in force took off the exposure (already out of afterOrder)',
      }),
    }),
    limit: Money.nullable().openapi({ description: 'the limit in force; null when there is none' }),
  })
  .openapi('CreditCheck');

const isMoney = (v: unknown): v is CoreMoney => typeof v === 'object' && v !== null && 'amount' in v;

/** A check reason for JSON: amounts in minor units become money, the sentence in the language asked for. */
export function reasonJson(r: CheckReason, currency: CurrencyCode, lang: ReturnType<typeof langOf>) {
  const m = checkReasonMessage(r, currency);
  const params: Record<string, unknown> = { ...r.params };
  for (const [k, v] of Object.entries(m.params)) if (isMoney(v)) params[k] = moneyJson(v.amount, v.currency);
  return { code: r.code, params, text: reasonText(m, lang) };
}

export const creditCheck = defineRoute(
  CHECKERS,
  createRoute({
    operationId: 'creditCheck',
    method: 'post',
    path: '/credit-checks',
    tags: ['credit'],
    summary: 'Approve, hold or refer an order: the same decision as `credence credit check`',
    description:
      'Exposure = open receivables (net of credits) + open orders + delivered not invoiced + this order, in the ' +
      "limit's currency; hold on a credit hold or a long overdue invoice, refer without a limit, over it, or on a weak grade.",
    request: {
      query: LangQuery,
      body: { required: true, content: { 'application/json': { schema: CheckRequest } } },
    },
    responses: {
      200: json(CheckResponse, 'the decision with its reasons'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'missing-data'),
    },
  }),
  async (c) => {
    const { clock, policies } = c.var.deps;
    const b = c.req.valid('json');
    const currency = asCurrency(b.currency);
    // A hold or a referral is told to the webhooks (`credit_check.hold`, `credit_check.refer`).
    const r = await checkOrderAndNotify(writer(c), policies.check, {
      buyerId: b.buyerId,
      amount: minorUnits(b.amount, currency),
      currency,
      asOf: asDate(b.asOf ?? clock.today()),
      ...(b.orderId !== undefined ? { orderId: b.orderId } : {}),
      ...(b.termsDays !== undefined ? { termsDays: b.termsDays } : {}),
      ...(policies.insurance !== undefined ? { insurancePolicies: policies.insurance } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    const cur = v.currency;
    const lang = langOf(c.req.valid('query'));
    return c.json(
      {
        decision: v.decision,
        reasons: v.reasons.map((x) => reasonJson(x, cur, lang)),
        buyerId: v.buyerId,
        ...(b.orderId !== undefined ? { orderId: b.orderId } : {}),
        asOf: v.asOf,
        order: moneyJson(v.orderAmount, cur),
        exposure: {
          openReceivables: moneyJson(v.exposure.openReceivables, cur),
          openOrders: moneyJson(v.exposure.openOrders, cur),
          deliveredNotInvoiced: moneyJson(v.exposure.deliveredNotInvoiced, cur),
          afterOrder: moneyJson(v.exposureAfter, cur),
          secured: moneyJson(v.secured, cur),
        },
        limit: v.limit === undefined ? null : moneyJson(v.limit, cur),
      },
      200,
    );
  },
);
