import type { BusinessDate } from '@credence/core';
import type { LedgerReads, OverdueBuyer } from '../ports';

/** The buyers with the largest overdue balances as of a date (per currency, largest first). */
export function listTopOverdue(store: LedgerReads, asOf: BusinessDate, limit = 10): Promise<OverdueBuyer[]> {
  return store.topOverdue(asOf, limit);
}
