import type { BusinessDate, LimitEvent, Result } from '@credence/core';
import type { LimitGuard } from '../credit-policy/probation-limit';
import type { Store } from '../ports';
import { limitAmount } from './limit-amount';
import { answerLimitRequest } from './record-limit';

export interface LimitDecisionInput {
  readonly buyerId: string;
  readonly requestId: number;
  readonly approve: boolean;
  /** Approve another amount than requested: a decimal in the request's currency. */
  readonly amount?: string;
  readonly by: string;
  readonly reason: string;
}

/**
 * `limit approve` / `limit reject`: `answerLimitRequest` with the amount as a decimal in the request's currency
 * (an amount for an unknown request is not read: the request is not found).
 */
export async function decideLimitRequest(
  store: Store,
  x: LimitDecisionInput,
  today: BusinessDate,
  guard?: LimitGuard,
): Promise<Result<LimitEvent>> {
  const { amount: text, ...rest } = x;
  const req = (await store.limitEventsOf(x.buyerId)).find((e) => e.id === x.requestId);
  let amount: bigint | undefined;
  if (text !== undefined && req) {
    const a = limitAmount(text, req.currency);
    if (!a.ok) return a;
    amount = a.value;
  }
  return answerLimitRequest(store, { ...rest, ...(amount !== undefined ? { amount } : {}) }, today, guard);
}
