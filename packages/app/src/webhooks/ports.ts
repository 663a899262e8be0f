/**
 * Webhooks (issue 12, item 7): what happened, told to the URLs that subscribed to it. An event is written to the
 * outbox (`webhook_events`) in the transaction of the change it reports, with one delivery per active subscription
 * to its type; a dispatcher (`deliverDueWebhooks`) posts the due deliveries, signed, and retries with backoff.
 */
export const WEBHOOK_EVENT_TYPES = [
  'credit_check.hold',
  'credit_check.refer',
  'limit.requested',
  'limit.approved',
  'limit.rejected',
  'limit.set',
  'letter.sent',
  'promise.broken',
  'webhook.ping',
  'alert.opened',
  'alert.resolved',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (s: string): s is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(s);

/** JSON as it goes on the wire: amounts are already decimal strings. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [k: string]: JsonValue };

export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEventType[];
  readonly active: boolean;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** An event to write to the outbox, in the transaction of the change it reports. */
export interface NewWebhookEvent {
  readonly type: WebhookEventType;
  readonly payload: { readonly [k: string]: JsonValue };
  /**
   * Unique per thing reported (`promise.broken:PRM-7`): a second event with the key is not written, so a change
   * seen twice (a rerun, a reclaimed delivery) is reported once.
   */
  readonly dedupKey?: string;
  /** Deliver to this subscription only, whatever its types (a ping). */
  readonly subscriptionId?: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One subscription × event: the delivery log. */
export interface WebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  readonly occurredAt: Date;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastStatusCode?: number;
  readonly lastError?: string;
  readonly deliveredAt?: Date;
}

/** A delivery claimed for an attempt, with what it takes to send it. */
export interface ClaimedDelivery {
  readonly id: string;
  /** The attempt this claim is (attempts so far, this one included): the outcome is recorded for it only. */
  readonly attempt: number;
  readonly url: string;
  readonly secret: string;
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  readonly occurredAt: Date;
  readonly payload: unknown;
}

export interface WebhookOutcome {
  readonly id: string;
  readonly attempt: number;
  readonly status: WebhookDeliveryStatus;
  readonly at: Date;
  /** When pending: the next attempt. */
  readonly nextAttemptAt?: Date;
  readonly statusCode?: number;
  readonly error?: string;
}

export interface WebhookReads {
  /** Every subscription (removed ones included), by creation. */
  webhookSubscriptions(): Promise<WebhookSubscription[]>;
  /** A subscription's deliveries, newest event first (at most `limit`). */
  webhookDeliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]>;
  /** Whether an active subscription takes `type`: a change nobody listens to writes no event. */
  webhookSubscribed(type: WebhookEventType): Promise<boolean>;
}

export interface WebhookWrites {
  /** Adds a subscription (created by and at: the transaction's actor and instant). */
  insertWebhook(sub: { id: string; url: string; events: readonly WebhookEventType[]; secret: string }): Promise<void>;
  /** Deactivates a subscription and fails its pending deliveries; false when it is unknown or already removed. */
  deactivateWebhook(id: string): Promise<boolean>;
  /**
   * Writes an event (occurred at the transaction's instant) and a pending delivery, due at once, for each active
   * subscription to its type; returns the event id and the delivery ids (none when the dedup key was taken).
   */
  appendWebhookEvent(event: NewWebhookEvent): Promise<{ eventId?: string; deliveries: string[] }>;
  /**
   * Claims up to `batch` pending deliveries due by `now` of active subscriptions (`for update skip locked`: each
   * goes to one dispatcher), counting the attempt and leasing them until `leaseUntil` (due again then, should the
   * dispatcher stop before it records the outcome). `ids`: only these.
   */
  claimWebhookDeliveries(q: {
    now: Date;
    leaseUntil: Date;
    batch: number;
    ids?: readonly string[];
  }): Promise<ClaimedDelivery[]>;
  /** Records an attempt's outcome; false when the delivery was claimed again since (the lease ran out). */
  recordWebhookOutcome(outcome: WebhookOutcome): Promise<boolean>;
}
