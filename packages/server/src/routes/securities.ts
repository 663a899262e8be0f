import { addSecurity, endSecurity, listSecurities, type SecurityStatus } from '@credence/app';
import { SECURITY_KINDS } from '@credence/core';
import { createRoute, z } from '@hono/zod-openapi';
import {
  Amount,
  AsOfQuery,
  asCurrency,
  asDate,
  BuyerParam,
  Currency,
  checkPositiveAmount,
  IsoDate,
  Money,
  minorUnits,
  moneyJson,
} from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, READERS } from './access';

const Security = z
  .object({
    buyerId: z.string(),
    securityId: z.string(),
    kind: z.enum(SECURITY_KINDS),
    issuer: z.string(),
    amount: Money.optional().openapi({ description: 'none for retention of title' }),
    validFrom: z.string(),
    expiresOn: z.string().optional(),
    contract: z.string().optional(),
    endedOn: z.string().optional(),
    addedBy: z.string(),
    addedOn: z.string(),
    reason: z.string(),
    status: z.enum(['in_force', 'future', 'expired', 'ended']),
    expiring: z.boolean().openapi({ description: "in force and expiring within the policy's warning days" }),
  })
  .openapi('Security');

const securityJson = (s: SecurityStatus) => ({
  buyerId: s.buyerId,
  securityId: s.securityId,
  kind: s.kind,
  issuer: s.issuer,
  ...(s.amount !== undefined && s.currency !== undefined ? { amount: moneyJson(s.amount, s.currency) } : {}),
  validFrom: s.validFrom,
  ...(s.expiresOn !== undefined ? { expiresOn: s.expiresOn } : {}),
  ...(s.contract !== undefined ? { contract: s.contract } : {}),
  ...(s.endedOn !== undefined ? { endedOn: s.endedOn } : {}),
  addedBy: s.addedBy,
  addedOn: s.addedOn,
  reason: s.reason,
  status: s.status,
  expiring: s.expiring,
});

export const listSecuritiesRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'listSecurities',
    method: 'get',
    path: '/buyers/{id}/securities',
    tags: ['credit'],
    summary:
      "A buyer's guarantees, letters of credit and retention of title, with their status (`credence security list`)",
    request: { params: BuyerParam, query: AsOfQuery },
    responses: {
      200: json(z.object({ asOf: z.string(), securities: z.array(Security) }).openapi('Securities'), 'the securities'),
      ...problems(...SECURED, 'not-found'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { clock, policies, store } = c.var.deps;
    const asOf = asDate(c.req.valid('query').asOf ?? clock.today());
    const warnDays = policies.check.credit?.securities?.expiryWarnDays ?? 30;
    const r = await listSecurities(store, { buyerId: id, asOf, warnDays });
    if (!r.ok) return failureResponse(r.error);
    return c.json({ asOf, securities: r.value.map(securityJson) }, 200);
  },
);

const AddSecurityBody = z
  .object({
    securityId: z.string().min(1).max(200).openapi({ example: 'G-2026-7' }),
    kind: z.enum(SECURITY_KINDS),
    issuer: z.string().min(1).max(500).openapi({ example: 'Parent Holding AG' }),
    amount: Amount.optional(),
    currency: Currency.optional(),
    validFrom: IsoDate,
    expiresOn: IsoDate.optional(),
    contract: z.string().min(1).max(200).optional(),
    reason: z.string().min(1).max(2000),
  })
  .superRefine((v, ctx) => {
    if ((v.amount === undefined) !== (v.currency === undefined))
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount and currency go together' });
    else if (v.amount !== undefined && v.currency !== undefined)
      checkPositiveAmount({ amount: v.amount, currency: v.currency }, ctx);
  })
  .openapi('SecurityRequest', {
    example: {
      securityId: 'G-2026-7',
      kind: 'guarantee',
      issuer: 'Parent Holding AG',
      amount: '50000.00',
      currency: 'EUR',
      validFrom: '2026-01-01',
      expiresOn: '2026-12-31',
      reason: 'parent guarantee for the new contract',
    },
  });

export const addSecurityRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'addSecurity',
    method: 'post',
    path: '/buyers/{id}/securities',
    tags: ['credit'],
    summary: 'Record a guarantee, letter of credit or retention of title (`credence security add`)',
    request: {
      params: BuyerParam,
      body: { required: true, content: { 'application/json': { schema: AddSecurityBody } } },
    },
    responses: {
      201: json(Security, 'recorded (or the same security, recorded before)'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'conflict', 'rejected'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const { clock, policies } = c.var.deps;
    const today = clock.today();
    const r = await addSecurity(
      writer(c),
      {
        buyerId: id,
        securityId: b.securityId,
        terms: {
          kind: b.kind,
          issuer: b.issuer,
          ...(b.amount !== undefined && b.currency !== undefined
            ? { amount: minorUnits(b.amount, b.currency), currency: asCurrency(b.currency) }
            : {}),
          validFrom: asDate(b.validFrom),
          ...(b.expiresOn !== undefined ? { expiresOn: asDate(b.expiresOn) } : {}),
          ...(b.contract !== undefined ? { contract: b.contract } : {}),
        },
        reason: b.reason,
        by: userOf(c),
      },
      today,
    );
    if (!r.ok) return failureResponse(r.error);
    const warnDays = policies.check.credit?.securities?.expiryWarnDays ?? 30;
    const all = await listSecurities(writer(c), { buyerId: id, asOf: today, warnDays });
    const s = all.ok ? all.value.find((x) => x.securityId === b.securityId) : undefined;
    if (s === undefined) throw new Error(`security ${b.securityId} not found after recording it`);
    return c.json(securityJson(s), 201);
  },
);

export const endSecurityRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'endSecurity',
    method: 'post',
    path: '/buyers/{id}/securities/{securityId}/end',
    tags: ['credit'],
    summary: 'End a security before its expiry: released, returned or called (`credence security end`)',
    request: {
      params: BuyerParam.extend({
        securityId: z
          .string()
          .min(1)
          .max(200)
          .openapi({ param: { name: 'securityId', in: 'path' }, example: 'G-2026-7' }),
      }),
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              endsOn: IsoDate.optional().openapi({ description: 'no longer in force from this date; default today' }),
              reason: z.string().min(1).max(2000),
            }),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({ buyerId: z.string(), securityId: z.string(), endsOn: z.string() }).openapi('SecurityEnd'),
        'ended',
      ),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const { id, securityId } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await endSecurity(
      writer(c),
      { buyerId: id, securityId, ...(b.endsOn ? { endsOn: asDate(b.endsOn) } : {}), reason: b.reason, by: userOf(c) },
      c.var.deps.clock.today(),
    );
    if (!r.ok) return failureResponse(r.error);
    const endsOn = r.value.action === 'end' ? r.value.endsOn : '';
    return c.json({ buyerId: id, securityId, endsOn }, 201);
  },
);
