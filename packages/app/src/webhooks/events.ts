import { type CurrencyCode, type LimitEvent, money, toDecimalString } from '@credence/core';
import type { OutboxEntry, RecordedLetter } from '../collections/ports';
import type { OrderCheckResult } from '../credit/check-order';
import type { JsonValue, NewWebhookEvent } from './ports';

// The events each use case writes with its change (docs/api.md, "Webhooks"): money as a decimal string and currency.

const moneyJson = (amount: bigint, currency: CurrencyCode) => ({
  amount: toDecimalString(money(amount, currency)),
  currency,
});

/** An order held or referred (an approval is no event). */
export function creditCheckEvent(r: OrderCheckResult, orderId?: string): NewWebhookEvent | undefined {
  if (r.decision === 'approve') return undefined;
  return {
    type: r.decision === 'hold' ? 'credit_check.hold' : 'credit_check.refer',
    payload: {
      buyerId: r.buyerId,
      ...(orderId !== undefined ? { orderId } : {}),
      asOf: r.asOf,
      decision: r.decision,
      order: moneyJson(r.orderAmount, r.currency),
      exposureAfter: moneyJson(r.exposureAfter, r.currency),
      limit: r.limit === undefined ? null : moneyJson(r.limit, r.currency),
      reasons: r.reasons.map((x) => ({ code: x.code, params: x.params as { [k: string]: JsonValue } })),
    },
  };
}

const LIMIT_TYPES = {
  request: 'limit.requested',
  rejection: 'limit.rejected',
  temporary: 'limit.set',
} as const;

/** A limit requested, approved (answering a request), rejected, or set directly (an approval without request). */
export function limitWebhookEvent(e: LimitEvent): NewWebhookEvent {
  const type =
    e.kind === 'approval' ? (e.requestId !== undefined ? 'limit.approved' : 'limit.set') : LIMIT_TYPES[e.kind];
  return {
    type,
    dedupKey: `limit:${e.id}`,
    payload: {
      limitEventId: e.id,
      buyerId: e.buyerId,
      kind: e.kind,
      amount: moneyJson(e.amount, e.currency),
      validFrom: e.validFrom,
      expiresOn: e.expiresOn ?? null,
      requestId: e.requestId ?? null,
      by: e.by,
      reason: e.reason,
      recordedOn: e.recordedOn,
    },
  };
}

/** A dunning letter sent (by e-mail, through the SMTP courier): once per outbox entry. */
export function letterSentEvent(entry: OutboxEntry, letter: RecordedLetter, channel: string): NewWebhookEvent {
  const l = letter.letter;
  return {
    type: 'letter.sent',
    dedupKey: `letter.sent:${entry.id}`,
    payload: {
      letterId: l.id,
      buyerId: l.debtor.id,
      date: l.date,
      levelId: l.levelId,
      kind: entry.kind,
      channel,
      recipient: entry.recipient ?? null,
      deadline: l.deadline,
      totals: l.totals.map((t) => ({ amount: t.total, currency: t.currency })),
    },
  };
}

/** A promise to pay found broken by the dunning run: once per promise. */
export function promiseBrokenEvent(e: { id: string; buyerId: string; date: string }): NewWebhookEvent {
  return {
    type: 'promise.broken',
    dedupKey: `promise.broken:${e.id}`,
    payload: { promiseId: e.id, buyerId: e.buyerId, brokenOn: e.date },
  };
}

/** An alert opened (new, again, or woken because it worsened) or resolved: once per occurrence (docs/domain/monitoring.md). */
export function alertEvent(
  kind: 'opened' | 'resolved',
  a: {
    readonly key: string;
    readonly rule: string;
    readonly buyerId: string;
    readonly severity: string;
    readonly figures: { readonly [k: string]: string | number };
    readonly firstSeen: string;
    readonly lastSeen: string;
    readonly resolvedOn?: string;
  },
): NewWebhookEvent {
  const on = kind === 'opened' ? a.lastSeen : (a.resolvedOn ?? a.lastSeen);
  return {
    type: kind === 'opened' ? 'alert.opened' : 'alert.resolved',
    dedupKey: `alert.${kind}:${a.key}:${on}`,
    payload: {
      key: a.key,
      rule: a.rule,
      buyerId: a.buyerId,
      severity: a.severity,
      figures: { ...a.figures },
      firstSeen: a.firstSeen,
      ...(kind === 'opened' ? { lastSeen: a.lastSeen } : { resolvedOn: on }),
    },
  };
}
