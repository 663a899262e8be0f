import { randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookSubscription } from './ports';

export interface AddedWebhook {
  readonly subscription: WebhookSubscription;
  /** The signing secret: shown this once (it is stored, to sign each delivery). */
  readonly secret: string;
}

const URL_CHARS = 2_000;

/** An absolute http(s) URL without credentials in it, else why not. */
function checkUrl(text: string): Result<string> {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return fail('invalid_argument', { reason: 'invalid_url', value: text.slice(0, 200) });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return fail('invalid_argument', { reason: 'not_http', value: text.slice(0, 200) });
  if (u.username !== '' || u.password !== '') return fail('invalid_argument', { reason: 'credentials_in_url' });
  if (text.length > URL_CHARS) return fail('invalid_argument', { reason: 'too_long', max: URL_CHARS });
  return ok(u.toString());
}

/** Subscribes a URL to event types (`webhook.ping` is sent on demand, not subscribed to). */
export async function addWebhook(
  store: Store,
  x: { readonly url: string; readonly events: readonly string[] },
  random: (n: number) => Buffer = randomBytes,
): Promise<Result<AddedWebhook>> {
  const url = checkUrl(x.url.trim());
  if (!url.ok) return url;
  const events = [...new Set(x.events.map((e) => e.trim()))];
  const unknown = events.find((e) => !isWebhookEventType(e) || e === 'webhook.ping');
  if (unknown !== undefined)
    return fail('invalid_argument', {
      reason: 'unknown_event',
      event: unknown,
      known: WEBHOOK_EVENT_TYPES.filter((e) => e !== 'webhook.ping').join(','),
    });
  if (events.length === 0) return fail('missing_field', { field: 'events' });
  const id = `wh_${random(8).toString('hex')}`;
  const secret = `whsec_${random(32).toString('base64url')}`;
  const types = events as WebhookEventType[];
  await store.transact((tx) => tx.insertWebhook({ id, url: url.value, events: types, secret }));
  const subscription = (await store.webhookSubscriptions()).find((s) => s.id === id);
  if (subscription === undefined) throw new Error(`webhook ${id} not found after insert`);
  return ok({ subscription, secret });
}
