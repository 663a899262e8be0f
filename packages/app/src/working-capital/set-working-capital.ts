import { fail, ok, type Result, type WorkingCapitalFigures } from '@credence/core';
import type { Store } from '../ports';
import type { StoredWorkingCapital } from './ports';

const AMOUNTS = [
  'cash',
  'inventory',
  'payables',
  'otherCurrentAssets',
  'otherCurrentLiabilities',
  'sales',
  'costOfSales',
] as const;

/**
 * Stores a new version of one month's working-capital figures (docs/domain/working-capital.md): balances and
 * flows may not be negative; receivables absent are read from the ledger when the report runs.
 */
export async function setWorkingCapital(
  store: Store,
  f: WorkingCapitalFigures,
  by: string,
): Promise<Result<StoredWorkingCapital>> {
  for (const k of AMOUNTS) if (f[k] < 0n) return fail('invalid_field', { field: k, reason: 'negative' });
  if (f.receivables !== undefined && f.receivables < 0n)
    return fail('invalid_field', { field: 'receivables', reason: 'negative' });
  const stored = await store.transact((w) => w.appendWorkingCapital({ ...f, by }));
  return ok(stored);
}
