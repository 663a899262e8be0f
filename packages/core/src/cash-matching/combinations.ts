import type { BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { allowance, type Fit, fitItems, oldestFirst } from './amounts';
import type { MatchPolicy } from './policy';
import type { CandidateItem } from './types';

/** What the search over a buyer's open items found for a paid amount. */
export type Combination =
  | { readonly kind: 'unique'; readonly items: readonly CandidateItem[]; readonly fit: Fit }
  /** Several combinations fit equally well (or the search was cut short): the oldest-first one is proposed. */
  | { readonly kind: 'ambiguous'; readonly items: readonly CandidateItem[]; readonly fit: Fit; readonly count: number }
  | { readonly kind: 'none' };

/**
 * The combinations of a buyer's open items that `paid` settles: exactly first, else within tolerance or
 * skonto. Bounded (policy.subsetSum): the oldest `maxOpenItems` items, at most `maxItems` in a combination,
 * at most `maxSteps` steps. Searched oldest first, so the first combination found is the oldest-first one.
 * Two or more combinations of the best kind, or a search cut short, are ambiguous.
 */
export function findCombination(
  paid: bigint,
  open: readonly CandidateItem[],
  currency: CurrencyCode,
  paidOn: BusinessDate,
  policy: MatchPolicy,
): Combination {
  const all = [...open].sort(oldestFirst);
  const total = all.reduce((s, i) => s + i.open, 0n);
  // Paying the whole account is one combination, however many items it has.
  if (total === paid && all.length > policy.subsetSum.maxItems)
    return { kind: 'unique', items: all, fit: fitItems(paid, all, currency, paidOn, policy) };
  const items = all.slice(0, policy.subsetSum.maxOpenItems);
  const bound = paid + allowance(paid * 2n, currency, policy) + skontoRoom(paid, policy);
  const exact: CandidateItem[][] = [];
  const near: { items: CandidateItem[]; fit: Fit }[] = [];
  let steps = 0;
  let cut = false;
  const chosen: CandidateItem[] = [];
  const visit = (from: number, sum: bigint): void => {
    for (let i = from; i < items.length; i++) {
      if (++steps > policy.subsetSum.maxSteps) {
        cut = true;
        return;
      }
      const item = items[i] as CandidateItem;
      const s = sum + item.open;
      if (s > bound) continue;
      chosen.push(item);
      if (s === paid) exact.push([...chosen]);
      else if (s > paid && exact.length === 0 && near.length < 2) {
        const fit = fitItems(paid, chosen, currency, paidOn, policy);
        if (fit.fit === 'tolerance' || fit.fit === 'skonto') near.push({ items: [...chosen], fit });
      }
      if (exact.length < 2 && chosen.length < policy.subsetSum.maxItems) visit(i + 1, s);
      chosen.pop();
      if (exact.length >= 2 || cut) return;
    }
  };
  visit(0, 0n);
  const best =
    exact.length > 0 ? exact.map((items) => ({ items, fit: fitItems(paid, items, currency, paidOn, policy) })) : near;
  const [first] = best;
  if (first === undefined) return { kind: 'none' };
  if (best.length === 1 && !cut) return { kind: 'unique', items: first.items, fit: first.fit };
  return { kind: 'ambiguous', items: first.items, fit: first.fit, count: best.length };
}

/** The most a skonto could take off an amount that ends up paid as `paid`. */
function skontoRoom(paid: bigint, policy: MatchPolicy): bigint {
  const bp = Math.max(0, ...policy.skonto.ratesBp);
  return bp >= 10_000 ? paid : (paid * BigInt(bp)) / BigInt(10_000 - bp) + 2n;
}
