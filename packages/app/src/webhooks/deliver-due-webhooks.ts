import type { Store } from '../ports';
import { WEBHOOK_MAX_ATTEMPTS, webhookRetrySeconds } from './backoff';
import type { ClaimedDelivery, WebhookOutcome } from './ports';
import { signWebhook } from './signature';

/** One POST of a delivery. */
export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
}

/** Sends a request and gives the response's status; throws when there is none (refused, timed out). */
export type WebhookSend = (request: WebhookRequest) => Promise<{ readonly status: number }>;

/** The default: `fetch`, aborted after the timeout, redirects not followed (a 3xx is not a delivery). */
export const fetchSend: WebhookSend = async (r) => {
  const res = await fetch(r.url, {
    method: 'POST',
    headers: r.headers,
    body: r.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(r.timeoutMs),
  });
  await res.body?.cancel();
  return { status: res.status };
};

export interface WebhookRun {
  readonly attempted: number;
  readonly delivered: number;
  /** Failed attempts that will be retried. */
  readonly retrying: number;
  /** Deliveries given up for good by this run. */
  readonly failed: number;
}

export const WEBHOOK_BATCH = 50;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The body of a delivery: the event as JSON. */
export const webhookBody = (d: Pick<ClaimedDelivery, 'eventId' | 'eventType' | 'occurredAt' | 'payload'>): string =>
  JSON.stringify({ id: d.eventId, type: d.eventType, occurredAt: d.occurredAt.toISOString(), data: d.payload });

const ERROR_CHARS = 500;

async function attempt(d: ClaimedDelivery, now: Date, send: WebhookSend, timeoutMs: number): Promise<WebhookOutcome> {
  const body = webhookBody(d);
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': 'Credence-Webhooks/1',
    'Credence-Event': d.eventType,
    'Credence-Delivery': d.id,
    'Credence-Signature': signWebhook(d.secret, body, now),
  };
  let statusCode: number | undefined;
  let error: string | undefined;
  try {
    statusCode = (await send({ url: d.url, headers, body, timeoutMs })).status;
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (e) {
    error = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, ERROR_CHARS);
  }
  const base = { id: d.id, attempt: d.attempt, at: now, ...(statusCode !== undefined ? { statusCode } : {}) };
  if (error === undefined) return { ...base, status: 'delivered' };
  if (d.attempt >= WEBHOOK_MAX_ATTEMPTS) return { ...base, status: 'failed', error };
  const next = new Date(now.getTime() + webhookRetrySeconds(d.attempt) * 1000);
  return { ...base, status: 'pending', error, nextAttemptAt: next };
}

/**
 * The dispatcher: claims up to `batch` due deliveries (`for update skip locked`, so several processes may run it
 * at once and each delivery goes to one of them), POSTs them signed with their subscription's secret, all at once,
 * and records the outcomes in one transaction when every request has answered or timed out: 2xx delivered;
 * otherwise due again after `webhookRetrySeconds`, failed after `WEBHOOK_MAX_ATTEMPTS`. A claimed delivery whose
 * outcome is never recorded (the process stopped) is due again once its lease (the timeout plus a minute) runs
 * out: at least once, so receivers dedupe on `Credence-Delivery`.
 */
export async function deliverDueWebhooks(
  store: Store,
  o: {
    readonly now: Date;
    readonly send?: WebhookSend;
    readonly batch?: number;
    readonly timeoutMs?: number;
    /** Only these deliveries (the test ping). */
    readonly ids?: readonly string[];
  },
): Promise<WebhookRun> {
  const timeoutMs = o.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const leaseUntil = new Date(o.now.getTime() + timeoutMs + 60_000);
  const claimed = await store.transact((tx) =>
    tx.claimWebhookDeliveries({
      now: o.now,
      leaseUntil,
      batch: o.batch ?? WEBHOOK_BATCH,
      ...(o.ids !== undefined ? { ids: o.ids } : {}),
    }),
  );
  const outcomes = await Promise.all(claimed.map((d) => attempt(d, o.now, o.send ?? fetchSend, timeoutMs)));
  // One transaction for the batch's outcomes (a transaction each cost more than the requests on a busy server).
  if (outcomes.length > 0)
    await store.transact(async (tx) => {
      for (const x of outcomes) await tx.recordWebhookOutcome(x);
    });
  const count = (s: WebhookOutcome['status']) => outcomes.filter((x) => x.status === s).length;
  return {
    attempted: outcomes.length,
    delivered: count('delivered'),
    retrying: count('pending'),
    failed: count('failed'),
  };
}
