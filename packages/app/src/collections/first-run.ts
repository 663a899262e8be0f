import {
  type BuyerProfile,
  type CurrencyCode,
  type DunnableItem,
  type DunningPolicy,
  firstOverdueIndex,
  ladderFor,
  money,
  type PlannedLetter,
  toDecimalString,
} from '@credence/core';
import type { Store } from '../ports';

/**
 * Why a run is a first run: no run was ever confirmed (a new store, or only unconfirmed first runs so far), or
 * invoices were imported since the last confirmed run that were already due before it (back history).
 */
export type FirstRunReason = 'no_confirmed_run' | 'history_imported';

/** What a first run would send at one level: how many letters, and the amounts they ask for per currency. */
export interface LevelSummary {
  readonly level: string;
  readonly letters: number;
  readonly amounts: readonly { readonly currency: string; readonly amount: string }[];
}

export interface FirstRun {
  readonly reason: FirstRunReason;
  /** Open invoices imported since the last confirmed run and due before it (0 for a new store). */
  readonly imported: number;
  /** Confirmed (`--confirm`, or the policy's `firstRun: "send"`): everything due is sent. */
  readonly confirmed: boolean;
  /** Every letter the run would send if confirmed, by level (highest last). */
  readonly byLevel: readonly LevelSummary[];
  /** Letters held back for confirmation: beyond the first overdue level (none when confirmed). */
  readonly held: readonly { readonly buyerId: string; readonly level: string }[];
}

/** Whether this run is a first run, and why (undefined: an ordinary run). */
export async function firstRunReason(
  store: Store,
  items: readonly DunnableItem[],
): Promise<{ reason: FirstRunReason; imported: number } | undefined> {
  if ((await store.lastConfirmedRun()) === undefined) return { reason: 'no_confirmed_run', imported: 0 };
  const open = new Set(items.map((i) => i.number));
  const imported = (await store.backdatedInvoices()).filter((n) => open.has(n)).length;
  return imported > 0 ? { reason: 'history_imported', imported } : undefined;
}

/** Whether a letter goes beyond the first overdue level of its buyer's ladder (a first run holds it unless confirmed). */
export const beyondFirstStep = (policy: DunningPolicy, buyer: BuyerProfile, letter: PlannedLetter): boolean =>
  letter.rank > firstOverdueIndex(ladderFor(policy, buyer));

/** The letters by level, in ladder order, with the amounts they ask for per currency (open balances). */
export function summariseByLevel(letters: readonly PlannedLetter[]): LevelSummary[] {
  const by = new Map<string, { rank: number; letters: number; amounts: Map<CurrencyCode, bigint> }>();
  for (const l of letters) {
    const s = by.get(l.level.id) ?? { rank: l.rank, letters: 0, amounts: new Map() };
    s.letters += 1;
    // What the letters ask for: items not yet due, listed as a courtesy beside overdue ones, are not demanded.
    const asked = l.items.filter((i) => i.level.offsetDays >= 0 || l.level.offsetDays < 0);
    for (const i of asked) s.amounts.set(i.currency, (s.amounts.get(i.currency) ?? 0n) + i.open);
    by.set(l.level.id, s);
  }
  return [...by]
    .sort((a, b) => a[1].rank - b[1].rank || (a[0] < b[0] ? -1 : 1))
    .map(([level, s]) => ({
      level,
      letters: s.letters,
      amounts: [...s.amounts]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([currency, amount]) => ({ currency, amount: toDecimalString(money(amount, currency)) })),
    }));
}
