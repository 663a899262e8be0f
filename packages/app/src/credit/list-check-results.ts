import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import type { LedgerReads } from '../ports';
import type { CheckResult } from './check-results-ports';

export interface CheckResultsOptions {
  readonly decision?: 'hold' | 'refer';
  readonly from?: BusinessDate;
  readonly to?: BusinessDate;
  /** A page of at most this many (1–500; default 50). */
  readonly limit?: number;
  /** Rows to skip (default 0). */
  readonly offset?: number;
}

export interface CheckResultsPage {
  readonly results: readonly (CheckResult & { readonly buyerName?: string })[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export const MAX_PAGE = 500;

/** The credit desk's holds and referrals, newest first, a page at a time, with the buyers' names. */
export async function listCheckResults(
  store: LedgerReads,
  o: CheckResultsOptions = {},
): Promise<Result<CheckResultsPage>> {
  const limit = o.limit ?? 50;
  const offset = o.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
    return fail('invalid_argument', { name: 'limit', value: String(limit) });
  if (!Number.isInteger(offset) || offset < 0)
    return fail('invalid_argument', { name: 'offset', value: String(offset) });
  if (o.from !== undefined && o.to !== undefined && o.to < o.from)
    return fail('invalid_date', { value: o.to, reason: 'before_from' });
  const { results, total } = await store.creditCheckResults({
    ...(o.decision !== undefined ? { decision: o.decision } : {}),
    ...(o.from !== undefined ? { from: o.from } : {}),
    ...(o.to !== undefined ? { to: o.to } : {}),
    limit,
    offset,
  });
  const names = new Map(
    (await store.findBuyers([...new Set(results.map((r) => r.buyerId))])).map((b) => [b.id, b.name]),
  );
  return ok({
    results: results.map((r) => {
      const name = names.get(r.buyerId);
      return name !== undefined ? { ...r, buyerName: name } : r;
    }),
    total,
    limit,
    offset,
  });
}
