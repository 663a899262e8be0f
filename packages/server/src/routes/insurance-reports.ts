import type { LedgerReads } from '@credence/app';
import { insuranceDeadlines, insuranceExposure } from '@credence/app/insurance';
import { type CurrencyCode, money, toDecimalString } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, AsOfQuery, asDate } from '../conventions';
import { defineRoute, json, problems, SECURED } from '../route';
import { READERS } from './access';

// Trade credit insurance, the portfolio reads (`credence insurance exposure|deadlines`); the policy and the
// insured-limit decisions are in insurance.ts. Amounts are decimal strings in the policy's currency, named beside them.

export const dec = (x: bigint, currency: string) => toDecimalString(money(x, currency as CurrencyCode));

/** The currency of each policy number (its newest version). */
export async function currencies(store: LedgerReads): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const p of await store.insurancePolicies())
    m.set(p.policyNumber, (p.body as { currency?: string }).currency ?? 'EUR');
  return m;
}

const ExposureRow = z
  .object({
    policyNumber: z.string(),
    buyerId: z.string(),
    currency: z.string(),
    receivables: Amount,
    insured: Amount,
    uninsured: Amount,
    limit: Amount,
    limitSource: z.string().openapi({ description: 'why this limit is in force: approved, reduced, discretionary, …' }),
    headroom: Amount,
  })
  .openapi('InsuranceExposure');

export const insuranceExposureRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'insuranceExposure',
    method: 'get',
    path: '/insurance/exposure',
    tags: ['insurance'],
    summary:
      'Per insured buyer: receivables, insured and uninsured parts, limit, headroom (`credence insurance exposure`)',
    request: { query: AsOfQuery },
    responses: {
      200: json(z.object({ asOf: z.string(), buyers: z.array(ExposureRow) }), 'the exposure'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const asOf = asDate(c.req.valid('query').asOf ?? c.var.deps.clock.today());
    const rows = await insuranceExposure(c.var.deps.store, asOf);
    return c.json(
      {
        asOf,
        buyers: rows.map((x) => ({
          policyNumber: x.policyNumber,
          buyerId: x.buyerId,
          currency: x.currency,
          receivables: dec(x.receivables, x.currency),
          insured: dec(x.insured, x.currency),
          uninsured: dec(x.uninsured, x.currency),
          limit: dec(x.limit.amount, x.currency),
          limitSource: x.limit.reason,
          headroom: dec(x.headroom, x.currency),
        })),
      },
      200,
    );
  },
);

const DeadlineJson = z
  .object({
    buyerId: z.string(),
    kind: z.enum(['mep', 'notify_overdue', 'adverse_info', 'claim_file', 'indemnity_expected', 'limit_expiry']),
    date: z.string(),
    daysLeft: z.number().int().openapi({ description: 'negative when passed' }),
    amount: Amount,
    currency: z.string(),
    documents: z.array(z.string()),
    policyNumber: z.string(),
  })
  .openapi('InsuranceDeadline');

export const insuranceDeadlinesRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'insuranceDeadlines',
    method: 'get',
    path: '/insurance/deadlines',
    tags: ['insurance'],
    summary:
      'The policy deadlines falling within N days (passed ones too), soonest first (`credence insurance deadlines --format json`, plus the currency)',
    request: {
      query: AsOfQuery.extend({
        within: z.coerce
          .number()
          .int()
          .min(1)
          .max(3660)
          .optional()
          .openapi({ param: { name: 'within', in: 'query' }, description: 'days ahead; default 30' }),
      }),
    },
    responses: {
      200: json(z.object({ asOf: z.string(), deadlines: z.array(DeadlineJson) }), 'the deadlines'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? c.var.deps.clock.today());
    const list = await insuranceDeadlines(c.var.deps.store, asOf, q.within ?? 30);
    const cur = await currencies(c.var.deps.store);
    return c.json(
      {
        asOf,
        deadlines: list.map((d) => {
          const currency = cur.get(d.policyNumber) ?? 'EUR';
          return {
            buyerId: d.buyerId,
            kind: d.kind,
            date: d.date,
            daysLeft: d.daysLeft,
            amount: dec(d.amount, currency),
            currency,
            documents: [...d.documents],
            policyNumber: d.policyNumber,
          };
        }),
      },
      200,
    );
  },
);
