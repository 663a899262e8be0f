import type { BusinessDate } from '@credence/core';
import type { LedgerReads } from '../ports';

/**
 * The documents a bank line booked on or before `asOf` probably pays while it waits for review: those its
 * proposals allocate to. The dunning run sends no letter for them until the line is decided.
 */
export async function cashInReview(store: LedgerReads, asOf: BusinessDate): Promise<Set<string>> {
  const waiting = await store.cashLines({ states: ['review'], bookedBy: asOf });
  const out = new Set<string>();
  for (const l of waiting)
    for (const p of l.proposals) if (p.kind === 'payment') for (const a of p.allocations) out.add(a.document);
  return out;
}
