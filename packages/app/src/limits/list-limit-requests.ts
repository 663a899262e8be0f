import {
  type BusinessDate,
  type CurrentLimit,
  daysBetween,
  fail,
  type LimitEvent,
  limitState,
  ok,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';

export interface WaitingLimitRequest {
  readonly request: LimitEvent;
  readonly buyerName?: string;
  /** The buyer's limit in force on the date, if any. */
  readonly current?: CurrentLimit;
  /** Days since the request was recorded. */
  readonly ageDays: number;
}

export interface LimitRequestsPage {
  readonly asOf: BusinessDate;
  readonly requests: readonly WaitingLimitRequest[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The limit requests waiting for an answer across all buyers, oldest first, a page at a time: each with its
 * buyer's name, the limit in force on `asOf` and its age in days (the credit desk).
 */
export async function listLimitRequests(
  store: LedgerReads,
  asOf: BusinessDate,
  page: { readonly limit?: number; readonly offset?: number } = {},
): Promise<Result<LimitRequestsPage>> {
  const limit = page.limit ?? 50;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    return fail('invalid_argument', { name: 'limit', value: String(limit) });
  if (!Number.isInteger(offset) || offset < 0)
    return fail('invalid_argument', { name: 'offset', value: String(offset) });
  const { requests, total } = await store.pendingLimitRequests({ limit, offset });
  const ids = [...new Set(requests.map((r) => r.buyerId))];
  const [buyers, events] = await Promise.all([
    store.findBuyers(ids),
    Promise.all(ids.map(async (id) => [id, await store.limitEventsOf(id)] as const)),
  ]);
  const names = new Map(buyers.map((b) => [b.id, b.name]));
  const current = new Map(events.map(([id, e]) => [id, limitState(e, asOf).current]));
  return ok({
    asOf,
    requests: requests.map((request) => {
      const name = names.get(request.buyerId);
      const cur = current.get(request.buyerId);
      return {
        request,
        ...(name !== undefined ? { buyerName: name } : {}),
        ...(cur !== undefined ? { current: cur } : {}),
        ageDays: Math.max(0, daysBetween(request.recordedOn, asOf)),
      };
    }),
    total,
    limit,
    offset,
  });
}
