import { listAudit } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { defineRoute, json, problems, SECURED } from '../route';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const Instant = z.string().refine((s) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'an ISO date (YYYY-MM-DD, from 00:00 UTC) or instant with its offset',
});

const AuditQuery = z.object({
  from: Instant.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'entries at or after' }),
  to: Instant.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'entries before' }),
  entity: z
    .string()
    .max(300)
    .optional()
    .openapi({ param: { name: 'entity', in: 'query' }, description: '`kind` or `kind:id`, e.g. `buyer:B1`' }),
  user: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: 'user', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'at most this many' }),
});

const Entry = z
  .object({
    id: z.string(),
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.string(),
    channel: z.enum(['cli', 'api']),
    tokenId: z.string().optional(),
    action: z.string(),
    entityKind: z.string(),
    entityId: z.string(),
    reason: z.string().optional(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export const audit = defineRoute(
  ['admin', 'credit_manager'],
  createRoute({
    operationId: 'listAudit',
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'The audit trail: who changed money or risk, when, from where (cli / api and token) and why',
    request: { query: AuditQuery },
    responses: {
      200: json(z.object({ entries: z.array(Entry) }).openapi('AuditTrail'), 'entries in recording order'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const entries = await listAudit(c.var.deps.store, {
      ...(q.from !== undefined ? { from: new Date(q.from) } : {}),
      ...(q.to !== undefined ? { to: new Date(q.to) } : {}),
      ...(q.entity !== undefined ? { entity: q.entity } : {}),
      ...(q.user !== undefined ? { user: q.user } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    return c.json(
      {
        entries: entries.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actor,
          channel: e.channel,
          ...(e.tokenId !== undefined ? { tokenId: e.tokenId } : {}),
          action: e.action,
          entityKind: e.entityKind,
          entityId: e.entityId,
          ...(e.reason !== undefined ? { reason: e.reason } : {}),
          details: { ...e.details },
        })),
      },
      200,
    );
  },
);
