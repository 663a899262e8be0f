import type {
  NewWebhookEvent,
  WebhookDelivery,
  WebhookReads,
  WebhookSubscription,
  WebhookWrites,
} from '../src/webhooks';

/** Webhooks of the in-memory store: the outbox as a list (a transaction works on a copy). */
export interface WebhooksMem {
  subscriptions: (WebhookSubscription & { secret: string })[];
  events: (NewWebhookEvent & { id: string; occurredAt: Date })[];
  deliveries: WebhookDelivery[];
}

export const emptyWebhooks = (): WebhooksMem => ({ subscriptions: [], events: [], deliveries: [] });
export const copyWebhooks = (m: WebhooksMem): WebhooksMem => ({
  subscriptions: [...m.subscriptions],
  events: [...m.events],
  deliveries: [...m.deliveries],
});

export function webhooksReads(m: () => WebhooksMem): WebhookReads {
  return {
    webhookSubscriptions: async () => m().subscriptions.map(({ secret: _, ...s }) => s),
    webhookSubscribed: async (type) => m().subscriptions.some((s) => s.active && s.events.includes(type)),
    webhookDeliveries: async (id, limit) =>
      m()
        .deliveries.filter((d) => d.subscriptionId === id)
        .reverse()
        .slice(0, limit),
  };
}

const set = <T extends { id: string }>(xs: T[], id: string, f: (x: T) => T) => {
  const i = xs.findIndex((x) => x.id === id);
  if (i >= 0) xs[i] = f(xs[i] as T);
};

export function webhooksWrites(m: () => WebhooksMem, by: { recordedBy: string; recordedAt: Date }): WebhookWrites {
  return {
    insertWebhook: async (s) => {
      m().subscriptions.push({ ...s, active: true, createdBy: by.recordedBy, createdAt: by.recordedAt });
    },
    deactivateWebhook: async (id) => {
      const s = m().subscriptions.find((x) => x.id === id && x.active);
      if (s === undefined) return false;
      set(m().subscriptions, id, (x) => ({ ...x, active: false }));
      return true;
    },
    appendWebhookEvent: async (e) => {
      if (e.dedupKey !== undefined && m().events.some((x) => x.dedupKey === e.dedupKey)) return { deliveries: [] };
      const id = `evt_${m().events.length + 1}`;
      m().events.push({ ...e, id, occurredAt: by.recordedAt });
      const to = m().subscriptions.filter(
        (s) => s.active && (e.subscriptionId !== undefined ? s.id === e.subscriptionId : s.events.includes(e.type)),
      );
      const deliveries = to.map(
        (s): WebhookDelivery => ({
          id: `${id}.${s.id}`,
          subscriptionId: s.id,
          eventId: id,
          eventType: e.type,
          occurredAt: by.recordedAt,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: by.recordedAt,
        }),
      );
      m().deliveries.push(...deliveries);
      return { eventId: id, deliveries: deliveries.map((d) => d.id) };
    },
    claimWebhookDeliveries: async (q) => {
      const due = m()
        .deliveries.filter((d) => d.status === 'pending' && d.nextAttemptAt <= q.now)
        .filter((d) => q.ids === undefined || q.ids.includes(d.id))
        .slice(0, q.batch);
      return due.flatMap((d) => {
        const s = m().subscriptions.find((x) => x.id === d.subscriptionId && x.active);
        const e = m().events.find((x) => x.id === d.eventId);
        if (s === undefined || e === undefined) return [];
        set(m().deliveries, d.id, (x) => ({ ...x, attempts: x.attempts + 1, nextAttemptAt: q.leaseUntil }));
        const { id: eventId, type: eventType, occurredAt, payload } = e;
        return [
          { id: d.id, attempt: d.attempts + 1, url: s.url, secret: s.secret, eventId, eventType, occurredAt, payload },
        ];
      });
    },
    recordWebhookOutcome: async (o) => {
      const d = m().deliveries.find((x) => x.id === o.id && x.attempts === o.attempt && x.status === 'pending');
      if (d === undefined) return false;
      const { lastStatusCode: _c, lastError: _e, ...rest } = d;
      set(m().deliveries, o.id, () => ({
        ...rest,
        status: o.status,
        nextAttemptAt: o.nextAttemptAt ?? o.at,
        ...(o.statusCode !== undefined ? { lastStatusCode: o.statusCode } : {}),
        ...(o.error !== undefined ? { lastError: o.error } : {}),
        ...(o.status === 'delivered' ? { deliveredAt: o.at } : {}),
      }));
      return true;
    },
  };
}
