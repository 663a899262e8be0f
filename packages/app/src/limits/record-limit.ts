import {
  type BusinessDate,
  type CurrencyCode,
  fail,
  type LimitEvent,
  limitState,
  ok,
  type Result,
} from '@credence/core';
import { checkProbationLimit, type LimitGuard } from '../credit-policy/probation-limit';
import type { LedgerWrites, Store } from '../ports';
import { limitWebhookEvent } from '../webhooks/events';

export interface LimitInput {
  readonly buyerId: string;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly validFrom: BusinessDate;
  readonly by: string;
  readonly reason: string;
}

/** Appends a limit event with its webhook event, in the caller's transaction. */
async function appendLimit(tx: LedgerWrites, e: Omit<LimitEvent, 'id'>): Promise<LimitEvent> {
  const stored = await tx.appendLimitEvent(e);
  await tx.appendWebhookEvent(limitWebhookEvent(stored));
  return stored;
}

async function checkBuyer(store: Store, x: LimitInput): Promise<Result<void>> {
  if (x.amount < 0n) return fail('invalid_amount', { value: x.amount.toString(), reason: 'negative' });
  if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
  if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  return (await store.getBuyer(x.buyerId)) === undefined
    ? fail('not_found', { what: 'buyer', id: x.buyerId })
    : ok(undefined);
}

/** Someone (sales, a collector) asks for a limit; it waits for an approver. */
export async function requestLimit(store: Store, x: LimitInput, today: BusinessDate): Promise<Result<LimitEvent>> {
  const c = await checkBuyer(store, x);
  if (!c.ok) return c;
  return ok(await store.transact((tx) => appendLimit(tx, { ...x, kind: 'request', recordedOn: today })));
}

/**
 * Sets a limit directly (an approver's decision), or a temporary one until `expiresOn`. With `guard`, a new
 * buyer's limit above the first-order cap needs a credit manager (`checkProbationLimit`).
 */
export async function setLimit(
  store: Store,
  x: LimitInput & { readonly expiresOn?: BusinessDate },
  today: BusinessDate,
  guard?: LimitGuard,
): Promise<Result<LimitEvent>> {
  const c = await checkBuyer(store, x);
  if (!c.ok) return c;
  const capped = await checkProbationLimit(store, x, today, guard);
  if (!capped.ok) return capped;
  if (x.expiresOn !== undefined && x.expiresOn < x.validFrom)
    return fail('invalid_date', { value: x.expiresOn, reason: 'expires_before_start' });
  const kind = x.expiresOn === undefined ? 'approval' : 'temporary';
  return ok(await store.transact((tx) => appendLimit(tx, { ...x, kind, recordedOn: today })));
}

/**
 * Answers a pending request: approve (the requested amount, or a lower or higher one the approver sets) or
 * reject. Four eyes: the requester cannot answer their own request.
 */
export async function answerLimitRequest(
  store: Store,
  x: {
    readonly buyerId: string;
    readonly requestId: number;
    readonly approve: boolean;
    readonly amount?: bigint;
    readonly by: string;
    readonly reason: string;
  },
  today: BusinessDate,
  guard?: LimitGuard,
): Promise<Result<LimitEvent>> {
  return store.transact(async (tx) => {
    // The buyer's limit lock: answers at once are checked one after the other, so a request is answered once.
    await tx.lock(`limits:${x.buyerId}`);
    const events = await tx.limitEventsOf(x.buyerId);
    const request = events.find((e) => e.id === x.requestId && e.kind === 'request');
    if (request === undefined) return fail('not_found', { what: 'limit request', id: String(x.requestId) });
    if (!limitState(events, today).pending.some((e) => e.id === request.id))
      return fail('not_allowed', { reason: 'already_answered', id: String(x.requestId) });
    if (x.by.trim() === '' || x.by.trim() === request.by.trim())
      return fail('not_allowed', { reason: 'four_eyes', by: x.by, requestedBy: request.by });
    if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
    const amount = x.amount ?? request.amount;
    if (amount < 0n) return fail('invalid_amount', { value: amount.toString(), reason: 'negative' });
    if (x.approve) {
      const capped = await checkProbationLimit(tx, { ...x, amount, currency: request.currency }, today, guard);
      if (!capped.ok) return capped;
    }
    return ok(
      await appendLimit(tx, {
        buyerId: x.buyerId,
        kind: x.approve ? 'approval' : 'rejection',
        amount,
        currency: request.currency,
        validFrom: request.validFrom > today ? request.validFrom : today,
        by: x.by,
        reason: x.reason,
        requestId: request.id,
        recordedOn: today,
      }),
    );
  });
}
