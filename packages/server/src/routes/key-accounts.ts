import { keyAccounts } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asCurrency, asDate, Currency, Money, moneyJson } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { REPORTERS } from './access';

const KeyAccount = z
  .object({
    buyerId: z.string(),
    name: z.string(),
    rank: z.number().int(),
    turnover: Money,
    shareBp: z.number().int().openapi({ description: "the buyer's share of the turnover, basis points" }),
    cumulativeBp: z.number().int().openapi({ description: 'the share of the buyers ranked above it and itself' }),
    accountClass: z.enum(['key', 'simplified']),
    reviewMonths: z.number().int().openapi({ description: 'months between periodic reviews for its class' }),
  })
  .openapi('KeyAccount');

const KeyAccountsQuery = AsOfQuery.extend({
  currency: Currency.optional().openapi({
    param: { name: 'currency', in: 'query' },
    description: "compare turnover in this currency (default: the policy's)",
  }),
  all: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'all', in: 'query' }, description: 'every buyer, not only the key accounts' }),
});

export const keyAccountsRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'keyAccounts',
    method: 'get',
    path: '/key-accounts',
    tags: ['limits'],
    summary: 'Buyers ranked by trailing turnover; the top share are key accounts (`credence buyer key-accounts`)',
    request: { query: KeyAccountsQuery },
    responses: {
      200: json(
        z
          .object({
            asOf: z.string(),
            from: z.string(),
            shareBp: z.number().int(),
            total: Money,
            accounts: z.array(KeyAccount),
          })
          .openapi('KeyAccounts'),
        'the ranking',
      ),
      ...problems(...SECURED, 'missing-data', 'rejected'),
    },
  }),
  async (c) => {
    const { clock, policies, store } = c.var.deps;
    const q = c.req.valid('query');
    const asOf = asDate(q.asOf ?? clock.today());
    const r = await keyAccounts(store, policies.check.credit?.keyAccounts, {
      asOf,
      ...(q.currency !== undefined ? { currency: asCurrency(q.currency) } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const k = r.value;
    const shown = q.all === 'true' ? k.accounts : k.accounts.filter((a) => a.accountClass === 'key');
    return c.json(
      {
        asOf: k.asOf,
        from: k.from,
        shareBp: k.shareBp,
        total: moneyJson(k.total, k.currency),
        accounts: shown.map((a) => ({
          buyerId: a.buyerId,
          name: a.name,
          rank: a.rank,
          turnover: moneyJson(a.turnover, k.currency),
          shareBp: a.shareBp,
          cumulativeBp: a.cumulativeBp,
          accountClass: a.accountClass,
          reviewMonths: a.reviewMonths,
        })),
      },
      200,
    );
  },
);
