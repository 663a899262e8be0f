import type { InsuranceEvent } from '@credence/app';
import { addInsurancePolicy, insuranceExposure, recordInsuranceEvent } from '@credence/app/insurance';
import { createRoute, z } from '@hono/zod-openapi';
import { Amount, AsOfQuery, asDate, BuyerParam, IsoDate } from '../conventions';
import { policiesChanged } from '../policies-in-force';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, READERS } from './access';
import { currencies, dec } from './insurance-reports';

// Trade credit insurance (docs/domain/credit-insurance.md): the CLI's `credence insurance …` over HTTP.
// Amounts are decimal strings in the policy's currency, named beside them.

export const EventJson = z
  .object({
    id: z.number().int(),
    policyNumber: z.string(),
    buyerId: z.string(),
    kind: z.string(),
    date: z.string(),
    amount: Amount.optional(),
    currency: z.string(),
    expiry: z.string().optional(),
    reference: z.string().optional(),
    reason: z.string(),
    by: z.string(),
    recordedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('InsuranceLimitEvent');

export const eventJson = (e: InsuranceEvent, currency: string) => ({
  id: e.id,
  policyNumber: e.policyNumber,
  buyerId: e.buyerId,
  kind: e.kind,
  date: e.date,
  ...(e.amount !== undefined ? { amount: dec(e.amount, currency) } : {}),
  currency,
  ...(e.expiry !== undefined ? { expiry: e.expiry } : {}),
  ...(e.reference !== undefined ? { reference: e.reference } : {}),
  reason: e.reason,
  by: e.by,
  recordedAt: e.recordedAt.toISOString(),
});

const LIMIT_EVENTS = new Set(['discretionary', 'adverse_info']);

export const insuranceLimitsRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'insuranceLimits',
    method: 'get',
    path: '/buyers/{id}/insurance-limits',
    tags: ['insurance'],
    summary: "A buyer's insured-limit history and the limit in force (`credence insurance limit show --format json`)",
    request: { params: BuyerParam, query: AsOfQuery },
    responses: {
      200: json(
        z.object({
          buyerId: z.string(),
          asOf: z.string(),
          inForce: z
            .object({
              policyNumber: z.string(),
              amount: Amount,
              currency: z.string(),
              reason: z.string(),
              validUntil: z.string().optional(),
            })
            .nullable()
            .openapi({ description: 'null: the buyer is under no policy' }),
          events: z.array(EventJson),
        }),
        'the history',
      ),
      ...problems(...SECURED, 'not-found'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const store = c.var.deps.store;
    if ((await store.getBuyer(id)) === undefined)
      return failureResponse({ code: 'not_found', params: { what: 'buyer', id } });
    const asOf = asDate(c.req.valid('query').asOf ?? c.var.deps.clock.today());
    const cur = await currencies(store);
    const events = (await store.insuranceEvents({ buyerId: id })).filter(
      (e) => e.kind.startsWith('limit_') || LIMIT_EVENTS.has(e.kind),
    );
    const row = (await insuranceExposure(store, asOf)).find((x) => x.buyerId === id);
    return c.json(
      {
        buyerId: id,
        asOf,
        inForce:
          row === undefined
            ? null
            : {
                policyNumber: row.policyNumber,
                amount: dec(row.limit.amount, row.currency),
                currency: row.currency,
                reason: row.limit.reason,
                ...(row.limit.validUntil !== undefined ? { validUntil: row.limit.validUntil } : {}),
              },
        events: events.map((e) => eventJson(e, cur.get(e.policyNumber) ?? 'EUR')),
      },
      200,
    );
  },
);

const KINDS = {
  request: 'limit_requested',
  approve: 'limit_approved',
  reduce: 'limit_reduced',
  withdraw: 'limit_withdrawn',
} as const;

export const recordInsuranceLimitRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'recordInsuranceLimit',
    method: 'post',
    path: '/buyers/{id}/insurance-limits',
    tags: ['insurance'],
    summary:
      "Record the insurer's decision on a buyer's insured limit (`credence insurance limit request|approve|reduce|withdraw`)",
    description:
      'Validated against the policy (its currency); audited. The same decision again (action, date, amount, ' +
      'reference) returns the stored one.',
    request: {
      params: BuyerParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              action: z.enum(['request', 'approve', 'reduce', 'withdraw']),
              policyNumber: z.string().min(1).max(100),
              amount: Amount.optional().openapi({ description: "in the policy's currency; not for withdraw" }),
              currency: z.string().optional().openapi({ description: "must be the policy's" }),
              decisionDate: IsoDate,
              expiresOn: IsoDate.optional(),
              reference: z.string().min(1).max(200).optional(),
              reason: z.string().max(2000).optional(),
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
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await recordInsuranceEvent(writer(c), {
      buyerId: id,
      kind: KINDS[b.action],
      policyNumber: b.policyNumber,
      date: asDate(b.decisionDate),
      by: userOf(c),
      ...(b.amount !== undefined ? { amount: b.amount } : {}),
      ...(b.currency !== undefined ? { currency: b.currency } : {}),
      ...(b.expiresOn !== undefined ? { expiry: asDate(b.expiresOn) } : {}),
      ...(b.reference !== undefined ? { reference: b.reference } : {}),
      ...(b.reason !== undefined ? { reason: b.reason } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const cur = await currencies(c.var.deps.store);
    return c.json(eventJson(r.value, cur.get(r.value.policyNumber) ?? 'EUR'), 201);
  },
);

export const addInsurancePolicyRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'addInsurancePolicy',
    method: 'post',
    path: '/insurance/policies',
    tags: ['insurance'],
    summary: 'Store a credit insurance policy: the next version of its number (`credence insurance policy add`)',
    description:
      'The body is the policy JSON the CLI reads (docs/domain/credit-insurance.md); defaults are filled in and ' +
      'stored. The same terms as the newest version store nothing new (that version is returned).',
    request: {
      query: z.object({
        reason: z
          .string()
          .max(2000)
          .optional()
          .openapi({ param: { name: 'reason', in: 'query' }, description: 'why' }),
      }),
      body: {
        required: true,
        content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi('InsurancePolicyTerms') } },
      },
    },
    responses: {
      201: json(
        z
          .object({
            policyNumber: z.string(),
            version: z.number().int(),
            body: z.record(z.string(), z.unknown()),
            reason: z.string(),
            by: z.string(),
            recordedAt: z.string().openapi({ format: 'date-time' }),
          })
          .openapi('InsurancePolicy'),
        'stored (or the same newest version)',
      ),
      ...problems(...SECURED, ...WITH_BODY, 'rejected'),
    },
  }),
  async (c) => {
    const r = await addInsurancePolicy(writer(c), {
      body: c.req.valid('json'),
      reason: c.req.valid('query').reason ?? '',
      by: userOf(c),
    });
    if (!r.ok) return failureResponse(r.error);
    // The order check reads the policies from the server's cache: a new version is in force at once here.
    policiesChanged(c.var.deps.store);
    const p = r.value;
    return c.json(
      {
        policyNumber: p.policyNumber,
        version: p.version,
        body: p.body as Record<string, unknown>,
        reason: p.reason,
        by: p.by,
        recordedAt: p.recordedAt.toISOString(),
      },
      201,
    );
  },
);
