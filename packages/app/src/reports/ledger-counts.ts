import type { LedgerReads } from '../ports';

/** How many buyers, documents, payments and allocations the store holds (`init`, a health check). */
export function ledgerCounts(
  store: Pick<LedgerReads, 'counts'>,
): Promise<{ buyers: number; documents: number; payments: number; allocations: number }> {
  return store.counts();
}
