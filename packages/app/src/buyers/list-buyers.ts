import type { Buyer } from '@credence/core';
import type { LedgerReads } from '../ports';

/** Every buyer's master data, in the store's order (by id). */
export async function listBuyers(store: Pick<LedgerReads, 'listBuyers'>): Promise<readonly Buyer[]> {
  return store.listBuyers();
}
