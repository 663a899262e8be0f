import { allocateCredits, type BusinessDate, type OpenCredit, type PlannedLetter } from '@credence/core';
import type { LedgerReads } from '../ports';
import { grossDue, letterSums } from './build-letter';
import type { ItemInterest } from './item-interest';

/** Open credit notes and unapplied cash of these buyers as of the date. */
export async function creditsOf(store: LedgerReads, buyerIds: readonly string[], asOf: BusinessDate) {
  const wanted = new Set(buyerIds);
  const cash = (await store.unappliedCash(asOf))
    .filter((c) => wanted.has(c.buyerId) && c.amount > 0n)
    .map((c) => ({ kind: 'unapplied_cash' as const, buyerId: c.buyerId, currency: c.currency, amount: c.amount }));
  return [...(await store.openCreditNotes(asOf, buyerIds)), ...cash];
}

/** Per planned letter (same order), the credits it sets off: each buyer's credits against its letters, highest level first. */
export function creditsPerLetter(
  letters: readonly PlannedLetter[],
  credits: readonly (OpenCredit & { buyerId: string })[],
  interest: ReadonlyMap<string, ItemInterest | undefined>,
): OpenCredit[][] {
  const out: OpenCredit[][] = letters.map(() => []);
  for (const buyerId of new Set(letters.map((l) => l.buyerId))) {
    const mine = letters.map((l, i) => [l, i] as const).filter(([l]) => l.buyerId === buyerId);
    const allocated = allocateCredits(
      mine.map(([l]) => ({ rank: l.rank, due: grossDue(letterSums(l, interest)) })),
      credits.filter((c) => c.buyerId === buyerId).map(({ buyerId: _, ...c }) => c),
    );
    mine.forEach(([, i], k) => {
      out[i] = allocated[k] ?? [];
    });
  }
  return out;
}
