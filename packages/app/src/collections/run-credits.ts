import type { BusinessDate } from '@credence/core';
import type { LedgerReads } from '../ports';

/** Open credit notes and unapplied cash of these buyers as of the date. */
export async function creditsOf(store: LedgerReads, buyerIds: readonly string[], asOf: BusinessDate) {
  const wanted = new Set(buyerIds);
  const cash = (await store.unappliedCash(asOf))
    .filter((c) => wanted.has(c.buyerId) && c.amount > 0n)
    .map((c) => ({ kind: 'unapplied_cash' as const, buyerId: c.buyerId, currency: c.currency, amount: c.amount }));
  return [...(await store.openCreditNotes(asOf, buyerIds)), ...cash];
}
