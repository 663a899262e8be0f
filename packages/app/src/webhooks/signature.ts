import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `Credence-Signature` header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` keyed with
 * the subscription's secret. The timestamp is signed too, so a receiver can refuse old replays (docs/api.md).
 */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What a receiver does: true when the header signs this body with the secret within `toleranceSeconds` of now. */
export function verifyWebhookSignature(
  header: string,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
