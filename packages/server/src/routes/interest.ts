import { calculateInterest as calculate } from '@credence/app';
import { type ContractRate, decimalToString, parseDecimal, parseMoney } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, asCurrency, asDate, Currency, checkPositiveAmount, IsoDate, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY } from '../route';
import { COLLECTION } from './access';

const RATE = /^(\d+(?:\.\d+)?)%\/(day|year)$/;

const InterestBody = z
  .object({
    regime: z.enum(['eu', 'uk', 'de-b2b', 'de-consumer', 'fr', 'cn', 'contract']),
    amount: Amount.openapi({ description: 'the principal (invoice amount)', example: '18000.00' }),
    currency: Currency,
    due: IsoDate,
    paid: IsoDate.optional().openapi({ description: 'the whole remaining principal paid on this date' }),
    payments: z
      .array(z.object({ date: IsoDate, amount: Amount }))
      .max(1000)
      .optional()
      .openapi({ description: 'partial payments' }),
    rate: z.string().regex(RATE, 'a rate like 0.1%/day or 12%/year').optional().openapi({
      description: 'contractual rate (required for the contract regime), e.g. 12%/year',
    }),
  })
  .superRefine((v, ctx) => {
    checkPositiveAmount(v, ctx);
    (v.payments ?? []).forEach((p, i) => {
      if (!parseMoney(p.amount, v.currency).ok)
        ctx.addIssue({ code: 'custom', path: ['payments', i, 'amount'], message: `not an amount in ${v.currency}` });
    });
  })
  .openapi('InterestRequest', {
    example: { regime: 'eu', amount: '18000.00', currency: 'EUR', due: '2025-03-31', paid: '2025-09-30' },
  });

const InterestResult = z
  .object({
    interest: Money,
    compensation: Money,
    total: Money,
    periods: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        days: z.number().int(),
        ratePercent: z.string().openapi({ description: 'exact decimal percent' }),
        per: z.enum(['day', 'year']),
        base: Money,
      }),
    ),
  })
  .openapi('Interest');

const amountOf = (text: string, currency: string): bigint => {
  const m = parseMoney(text, currency);
  if (!m.ok) throw new Error(`unchecked amount ${text}`);
  return m.value.amount;
};

function rateOf(text: string | undefined): ContractRate | undefined {
  const m = text === undefined ? null : RATE.exec(text);
  const d = m ? parseDecimal(m[1] ?? '') : undefined;
  return m && d?.ok ? { percent: d.value, per: m[2] as 'day' | 'year' } : undefined;
}

export const calculateInterest = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'calculateInterest',
    method: 'post',
    path: '/interest/calculations',
    tags: ['collections'],
    summary:
      'Statutory late-payment interest and fixed compensation on one invoice paid late (as `credence interest calc`)',
    request: { body: { required: true, content: { 'application/json': { schema: InterestBody } } } },
    responses: {
      200: json(InterestResult, 'the interest, period by period'),
      ...problems(...SECURED, ...WITH_BODY, 'rejected', 'missing-data'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const currency = asCurrency(b.currency);
    const rate = rateOf(b.rate);
    const r = calculate(
      {
        regime: b.regime,
        principal: amountOf(b.amount, currency),
        currency,
        due: asDate(b.due),
        payments: (b.payments ?? []).map((p) => ({ date: asDate(p.date), amount: amountOf(p.amount, currency) })),
        ...(b.paid !== undefined ? { paid: asDate(b.paid) } : {}),
        ...(rate !== undefined ? { rate } : {}),
      },
      c.var.deps.policies.rates,
    );
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    return c.json(
      {
        interest: moneyJson(v.interest, currency),
        compensation: moneyJson(v.compensation, currency),
        total: moneyJson(v.total, currency),
        periods: v.periods.map((p) => ({
          from: p.from,
          to: p.to,
          days: p.days,
          ratePercent: decimalToString(p.ratePercent),
          per: p.per === 'day' ? ('day' as const) : ('year' as const),
          base: moneyJson(p.base, currency),
        })),
      },
      200,
    );
  },
);
