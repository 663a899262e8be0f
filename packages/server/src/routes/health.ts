import { createRoute, z } from '@hono/zod-openapi';
import { defineRoute, json, problems } from '../route';

const Health = z
  .object({
    status: z.literal('ok'),
    store: z.object({
      kind: z.enum(['pglite', 'postgres', 'memory']),
      migration: z.string().optional().openapi({ example: '015_bulk_settlement' }),
    }),
    today: z.string().openapi({ format: 'date', description: "today in the creditor's time zone" }),
  })
  .openapi('Health');

export const health = defineRoute(
  'public',
  createRoute({
    operationId: 'health',
    method: 'get',
    path: '/health',
    tags: ['service'],
    summary: 'The store the server runs on and its migration version',
    responses: { 200: json(Health, 'the server is up'), ...problems('unavailable', 'internal') },
  }),
  async (c) => {
    const { store, clock } = c.var.deps;
    return c.json({ status: 'ok' as const, store: await store.info(), today: clock.today() }, 200);
  },
);
