import { decideAlert, listAlerts, runAlerts } from '@credence/app/monitoring';
import type { Alert, AlertPolicy } from '@credence/core/monitoring';
import { policyInForce } from '@credence/runtime';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AsOfQuery, asDate, IsoDate } from '../conventions';
import type { AppEnv } from '../deps';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { COLLECTION, READERS } from './access';

// Monitoring (docs/domain/monitoring.md): credit managers and collectors act on alerts; sales reads them.

/**
 * The alert rules: the server's (`policies.alerts`), else the newest version stored (`PUT /policies/alerts`), else
 * the shipped file.
 */
export const rulesOf = (c: Context<AppEnv>): Promise<AlertPolicy> => {
  const given = c.var.deps.policies.alerts;
  if (given !== undefined) return Promise.resolve(given);
  return policyInForce(c.var.deps.store, 'alerts');
};

const AlertJson = z
  .object({
    key: z.string().openapi({ description: 'rule:buyer[:document] — stable across evaluations' }),
    rule: z.string(),
    severity: z.enum(['info', 'warning', 'critical']),
    buyerId: z.string(),
    document: z.string().optional(),
    figures: z.record(z.string(), z.union([z.string(), z.number()])).openapi({ description: 'what made it fire' }),
    state: z.enum(['open', 'acknowledged', 'snoozed', 'resolved']),
    firstSeen: z.string(),
    lastSeen: z.string(),
    snoozedUntil: z.string().optional(),
    resolution: z.enum(['cleared', 'manual']).optional(),
    resolvedOn: z.string().optional(),
    note: z.string().optional(),
  })
  .openapi('Alert');

const alertJson = (a: Alert) => ({
  key: a.key,
  rule: a.rule,
  severity: a.severity,
  buyerId: a.buyerId,
  ...(a.document !== undefined ? { document: a.document } : {}),
  figures: { ...a.figures },
  state: a.state,
  firstSeen: a.firstSeen,
  lastSeen: a.lastSeen,
  ...(a.snoozedUntil !== undefined ? { snoozedUntil: a.snoozedUntil } : {}),
  ...(a.resolution !== undefined ? { resolution: a.resolution } : {}),
  ...(a.resolvedOn !== undefined ? { resolvedOn: a.resolvedOn } : {}),
  ...(a.note !== undefined ? { note: a.note } : {}),
});

const Alerts = z.object({ asOf: z.string(), alerts: z.array(AlertJson) }).openapi('Alerts');
const PagedAlerts = Alerts.extend({
  count: z.number().int().openapi({ description: 'how many alerts match (every page)' }),
}).openapi('AlertList');

export const listAlertsRoute = defineRoute(
  READERS,
  createRoute({
    operationId: 'listAlerts',
    method: 'get',
    path: '/alerts',
    tags: ['monitoring'],
    summary: 'The recorded alerts not resolved (or in the states asked), critical first (`credence alerts list`)',
    request: {
      query: z.object({
        state: z
          .enum(['open', 'acknowledged', 'snoozed', 'resolved'])
          .optional()
          .openapi({ param: { name: 'state', in: 'query' }, description: 'one state; default: all but resolved' }),
        buyer: z
          .string()
          .min(1)
          .max(100)
          .optional()
          .openapi({ param: { name: 'buyer', in: 'query' } }),
        offset: z.coerce
          .number()
          .int()
          .min(0)
          .optional()
          .openapi({ param: { name: 'offset', in: 'query' }, description: 'default 0' }),
        limit: z.coerce
          .number()
          .int()
          .min(1)
          .max(1000)
          .optional()
          .openapi({
            param: { name: 'limit', in: 'query' },
            description: 'a page of at most 1,000; default: every alert',
          }),
      }),
    },
    responses: { 200: json(PagedAlerts, 'alerts, a page of them with limit'), ...problems(...SECURED) },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const list = await listAlerts(c.var.deps.store, {
      ...(q.state !== undefined ? { states: [q.state] } : {}),
      ...(q.buyer !== undefined ? { buyerId: q.buyer } : {}),
    });
    const offset = q.offset ?? 0;
    const page = list.slice(offset, q.limit === undefined ? undefined : offset + q.limit);
    return c.json({ asOf: c.var.deps.clock.today(), count: list.length, alerts: page.map(alertJson) }, 200);
  },
);

const RunSummary = Alerts.extend({
  opened: z.number().int(),
  updated: z.number().int(),
  resolved: z.number().int(),
  openedBySeverity: z.object({ info: z.number().int(), warning: z.number().int(), critical: z.number().int() }),
  holdsSet: z.array(z.string()),
  holdsLifted: z.array(z.string()),
  reviewTasks: z
    .object({ opened: z.number().int(), closed: z.number().int() })
    .openapi({ description: 'review_credit worklist tasks opened for alerts asking for one, closed as they resolved' }),
}).openapi('AlertRun');

export const runAlertsRoute = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'runAlerts',
    method: 'post',
    path: '/alerts/run',
    tags: ['monitoring'],
    summary: 'Evaluate the alert rules as of a date and record the alerts; rerunning a date changes nothing',
    request: { query: AsOfQuery },
    responses: { 200: json(RunSummary, 'the run'), ...problems(...SECURED, 'missing-data') },
  }),
  async (c) => {
    const asOf = asDate(c.req.valid('query').asOf ?? c.var.deps.clock.today());
    const r = await runAlerts(writer(c), { asOf, policy: await rulesOf(c) });
    if (!r.ok) return failureResponse(r.error);
    const { alerts, ...summary } = r.value;
    return c.json({ ...summary, alerts: alerts.map(alertJson) }, 200);
  },
);

const KeyParam = z.object({
  key: z
    .string()
    .min(1)
    .max(400)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'overdue_days:B0001:INV-1' }),
});

function decisionRoute(action: 'ack' | 'snooze' | 'resolve') {
  const body =
    action === 'ack'
      ? z.object({})
      : action === 'snooze'
        ? z.object({ until: IsoDate.openapi({ description: 'the last quiet day, today or later' }) })
        : z.object({ note: z.string().min(1).max(4000).openapi({ description: 'why it is resolved' }) });
  const id = { ack: 'acknowledgeAlert', snooze: 'snoozeAlert', resolve: 'resolveAlert' }[action];
  const summary = {
    ack: 'Acknowledge an alert: someone is on it; it opens again if it worsens (`credence alerts ack`)',
    snooze: 'Snooze an alert until a date; it opens again the day after, or when it worsens (`credence alerts snooze`)',
    resolve: 'Resolve an alert with a note; it opens again only if it worsens (`credence alerts resolve`)',
  }[action];
  return defineRoute(
    COLLECTION,
    createRoute({
      operationId: id,
      method: 'post',
      path: `/alerts/{key}/${action}`,
      tags: ['monitoring'],
      summary,
      request: {
        params: KeyParam,
        body: { required: true, content: { 'application/json': { schema: body } } },
      },
      responses: {
        200: json(AlertJson, 'the alert'),
        ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
      },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const b = c.req.valid('json') as { until?: string; note?: string };
      const decision =
        action === 'ack'
          ? ({ action: 'ack' } as const)
          : action === 'snooze'
            ? ({ action: 'snooze', until: asDate(b.until ?? '') } as const)
            : ({ action: 'resolve', note: b.note ?? '' } as const);
      const r = await decideAlert(writer(c), { key, decision }, c.var.deps.clock.today());
      return r.ok ? c.json(alertJson(r.value), 200) : failureResponse(r.error);
    },
  );
}

export const acknowledgeAlertRoute = decisionRoute('ack');
export const snoozeAlertRoute = decisionRoute('snooze');
export const resolveAlertRoute = decisionRoute('resolve');
