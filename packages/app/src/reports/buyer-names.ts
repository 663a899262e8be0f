import type { LedgerReads } from '../ports';

/** Buyer id → name for the ids given (each read once; unknown ids left out). */
export async function buyerNames(
  store: Pick<LedgerReads, 'findBuyers'>,
  ids: readonly string[],
): Promise<Readonly<Record<string, string>>> {
  const buyers = await store.findBuyers([...new Set(ids)]);
  return Object.fromEntries(buyers.map((b) => [b.id, b.name]));
}
