import {
  addWebhook,
  listWebhooks,
  pingWebhook,
  removeWebhook,
  WEBHOOK_EVENT_TYPES,
  type WebhookDelivery,
  type WebhookSubscription,
  webhookDeliveries,
} from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { ADMIN } from './access';

const SUBSCRIBABLE = WEBHOOK_EVENT_TYPES.filter((t) => t !== 'webhook.ping') as [string, ...string[]];
const Id = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'wh_1f2e' }),
});

const Subscription = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string().openapi({ description: 'ISO 8601, UTC' }),
  })
  .openapi('Webhook');

const Delivery = z
  .object({
    id: z.string().openapi({ description: 'sent as `Credence-Delivery`: the same on every retry' }),
    eventId: z.string(),
    event: z.string(),
    occurredAt: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable().openapi({ description: 'when pending: the next attempt' }),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

const subscriptionJson = (s: WebhookSubscription) => ({
  id: s.id,
  url: s.url,
  events: [...s.events],
  active: s.active,
  createdBy: s.createdBy,
  createdAt: s.createdAt.toISOString(),
});

const deliveryJson = (d: WebhookDelivery) => ({
  id: d.id,
  eventId: d.eventId,
  event: d.eventType,
  occurredAt: d.occurredAt.toISOString(),
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  lastStatusCode: d.lastStatusCode ?? null,
  lastError: d.lastError ?? null,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
});

export const addWebhookRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'addWebhook',
    method: 'post',
    path: '/webhooks',
    tags: ['webhooks'],
    summary: 'Subscribe a URL to events; the signing secret is shown this once (`credence webhook add`)',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                url: z.string().min(1).max(2000).openapi({ example: 'https://erp.example/credence-hooks' }),
                events: z.array(z.enum(SUBSCRIBABLE)).min(1).max(SUBSCRIBABLE.length),
              })
              .openapi('WebhookRequest'),
          },
        },
      },
    },
    responses: {
      201: json(
        z.object({ webhook: Subscription, secret: z.string() }).openapi('WebhookAdded'),
        'created: the secret signs every delivery (`Credence-Signature`); it is shown this once',
      ),
      ...problems(...SECURED, ...WITH_BODY, 'rejected'),
    },
  }),
  async (c) => {
    const r = await addWebhook(writer(c), c.req.valid('json'));
    if (!r.ok) return failureResponse(r.error);
    return c.json({ webhook: subscriptionJson(r.value.subscription), secret: r.value.secret }, 201);
  },
);

export const listWebhooksRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'listWebhooks',
    method: 'get',
    path: '/webhooks',
    tags: ['webhooks'],
    summary: 'The active subscriptions; `?all=true` adds removed ones (`credence webhook list`)',
    request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
    responses: {
      200: json(z.object({ webhooks: z.array(Subscription) }).openapi('WebhookList'), 'the subscriptions'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const subs = await listWebhooks(c.var.deps.store, c.req.valid('query').all === 'true');
    return c.json({ webhooks: subs.map(subscriptionJson) }, 200);
  },
);

export const removeWebhookRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'removeWebhook',
    method: 'delete',
    path: '/webhooks/{id}',
    tags: ['webhooks'],
    summary: 'Stop a subscription: nothing more is sent, pending deliveries fail; the log stays',
    request: { params: Id },
    responses: {
      200: json(z.object({ webhook: Subscription }).openapi('WebhookRemoved'), 'removed'),
      ...problems(...SECURED, 'not-found', 'not-allowed'),
    },
  }),
  async (c) => {
    const r = await removeWebhook(writer(c), c.req.valid('param').id);
    return r.ok ? c.json({ webhook: subscriptionJson(r.value) }, 200) : failureResponse(r.error);
  },
);

export const webhookDeliveriesRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'listWebhookDeliveries',
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    tags: ['webhooks'],
    summary: 'The delivery log: the latest 200 deliveries, newest event first (`credence webhook deliveries`)',
    request: { params: Id },
    responses: {
      200: json(
        z.object({ webhook: Subscription, deliveries: z.array(Delivery) }).openapi('WebhookDeliveries'),
        'the log',
      ),
      ...problems(...SECURED, 'not-found'),
    },
  }),
  async (c) => {
    const r = await webhookDeliveries(c.var.deps.store, c.req.valid('param').id);
    if (!r.ok) return failureResponse(r.error);
    return c.json(
      { webhook: subscriptionJson(r.value.subscription), deliveries: r.value.deliveries.map(deliveryJson) },
      200,
    );
  },
);

export const testWebhookRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'testWebhook',
    method: 'post',
    path: '/webhooks/{id}/test',
    tags: ['webhooks'],
    summary: 'Send a `webhook.ping` now and answer how it went (a failure is retried like any delivery)',
    request: { params: Id },
    responses: {
      200: json(z.object({ delivery: Delivery }).openapi('WebhookPing'), 'the attempt, as the log shows it'),
      ...problems(...SECURED, 'not-found', 'not-allowed'),
    },
  }),
  async (c) => {
    const r = await pingWebhook(writer(c), c.req.valid('param').id, { now: c.var.deps.clock.now() });
    return r.ok ? c.json({ delivery: deliveryJson(r.value) }, 200) : failureResponse(r.error);
  },
);
