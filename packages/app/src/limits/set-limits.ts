import { type BusinessDate, fail, type LimitEvent, ok, type Result } from '@credence/core';
import type { LedgerWrites, Store } from '../ports';
import { limitWebhookEvent } from '../webhooks/events';
import type { LimitInput } from './record-limit';

/** Limits per transaction: each buyer's audit entry is kept (a larger transaction is audited as one summary row). */
const PER_TRANSACTION = 500;

async function append(tx: LedgerWrites, events: readonly Omit<LimitEvent, 'id'>[]): Promise<LimitEvent[]> {
  if (tx.appendLimitEvents !== undefined) return tx.appendLimitEvents(events);
  const out: LimitEvent[] = [];
  for (const e of events) out.push(await tx.appendLimitEvent(e));
  return out;
}

/**
 * Sets many approved limits at once (a portfolio's recommended limits, as `setLimit` sets one): checked first
 * (amounts, who and why, the buyers known: one read), then written 500 to a transaction with one statement each,
 * and their `limit.set` webhook events only while a subscription takes them. Nothing is written when one is wrong.
 * No first-order cap applies (`setLimit`'s guard): this is the credit manager's or the demo's batch.
 */
export async function setLimits(
  store: Store,
  xs: readonly LimitInput[],
  today: BusinessDate,
): Promise<Result<LimitEvent[]>> {
  for (const x of xs) {
    if (x.amount < 0n) return fail('invalid_amount', { value: x.amount.toString(), reason: 'negative' });
    if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
    if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  }
  const known = new Set((await store.findBuyers([...new Set(xs.map((x) => x.buyerId))])).map((b) => b.id));
  const unknown = xs.find((x) => !known.has(x.buyerId));
  if (unknown !== undefined) return fail('not_found', { what: 'buyer', id: unknown.buyerId });
  const notify = await store.webhookSubscribed('limit.set');
  const out: LimitEvent[] = [];
  for (let i = 0; i < xs.length; i += PER_TRANSACTION) {
    const part = xs.slice(i, i + PER_TRANSACTION).map((x) => ({ ...x, kind: 'approval' as const, recordedOn: today }));
    out.push(
      ...(await store.transact(async (tx) => {
        const stored = await append(tx, part);
        if (notify) for (const e of stored) await tx.appendWebhookEvent(limitWebhookEvent(e));
        return stored;
      })),
    );
  }
  return ok(out);
}
