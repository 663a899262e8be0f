import { type BusinessDate, fail, type LimitEvent, type LimitState, limitState, ok, type Result } from '@credence/core';
import type { LedgerReads } from '../ports';

export interface LimitDetailQuery {
  readonly buyerId: string;
  /** The limit in force on this date. */
  readonly asOf: BusinessDate;
}

/** A buyer's limit in force on a date, its pending requests, and every limit event (the audit trail). */
export interface LimitDetail extends LimitState {
  readonly asOf: BusinessDate;
  readonly events: readonly LimitEvent[];
}

/** `limit show`: the limit state as of a date with the whole trail; an unknown buyer is not found. */
export async function limitDetail(
  store: Pick<LedgerReads, 'getBuyer' | 'limitEventsOf'>,
  q: LimitDetailQuery,
): Promise<Result<LimitDetail>> {
  if (!(await store.getBuyer(q.buyerId))) return fail('not_found', { what: 'buyer', id: q.buyerId });
  const events = await store.limitEventsOf(q.buyerId);
  return ok({ asOf: q.asOf, ...limitState(events, q.asOf), events });
}
