import { type BusinessDate, daysBetween } from '../calendar';
import { allocateCredits, type OpenCredit } from '../ledger/net-position';
import type { CurrencyCode } from '../money/currency';
import { parseMoney } from '../money/money';
import { escalatedLevel, type LastLetter, levelDue } from './level';
import { type DunningChannel, type DunningLevel, type DunningPolicy, ladderFor } from './policy';

/** An invoice open on the run's date. */
export interface DunnableItem {
  readonly number: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly dueDate: BusinessDate;
  readonly open: bigint;
}

export interface BuyerProfile {
  readonly id: string;
  readonly country: string;
  readonly tier?: 'low' | 'medium' | 'high';
  readonly group?: string;
}

export type SkipReason =
  | 'disputed'
  | 'promised'
  | 'plan'
  | 'paused'
  | 'below_minimum'
  | 'covered_by_credits'
  /** A bank line booked by the run's date probably pays it and waits for review (cash application). */
  | 'cash_in_review';

export interface DunningInput {
  readonly asOf: BusinessDate;
  readonly policy: DunningPolicy;
  readonly buyers: ReadonlyMap<string, BuyerProfile>;
  readonly items: readonly DunnableItem[];
  /** The last letter each document was in. */
  readonly lastLetters: ReadonlyMap<string, LastLetter>;
  /** Documents held out of dunning: an open dispute, a valid promise, an active plan. */
  readonly excluded: ReadonlyMap<string, 'disputed' | 'promised' | 'plan' | 'cash_in_review'>;
  readonly pausedBuyers: ReadonlySet<string>;
  /** Documents whose promise or plan broke in this run: escalated at once (`escalatedLevel`). */
  readonly escalate: ReadonlySet<string>;
  /** The buyers' credits: open credit notes and cash not yet applied. */
  readonly credits?: readonly (OpenCredit & { readonly buyerId: string })[];
}

/** The key of a buyer's credits in one currency. */
export const creditKey = (buyerId: string, currency: string): string => `${buyerId}\u0000${currency}`;

export interface PlannedItem extends DunnableItem {
  readonly daysOverdue: number;
  /** The level this item is at in the letter (its own step on the ladder). */
  readonly level: DunningLevel;
  /** The buyer's credits (or parts of them) set off against this item (`allocateCredits`). */
  readonly credits: readonly OpenCredit[];
}

/**
 * One letter: a buyer, the highest level any of its items is due for, and every item due for a letter, each
 * at its own level (items before their due date listed as a courtesy when others are overdue).
 */
export interface PlannedLetter {
  readonly buyerId: string;
  readonly level: DunningLevel;
  /** The level's place on the buyer's ladder (0 = first). */
  readonly rank: number;
  /** The channel of the next level on the buyer's ladder, or "none" after the last. */
  readonly nextStep: DunningChannel | 'none';
  readonly items: readonly PlannedItem[];
}

export interface DunningPlan {
  readonly letters: readonly PlannedLetter[];
  /** Items that would have had a letter but are held out, with why. */
  readonly skipped: readonly { readonly number: string; readonly buyerId: string; readonly reason: SkipReason }[];
}

const byDueThenNumber = (a: PlannedItem, b: PlannedItem) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0;

/**
 * The day's dunning (docs/domain/dunning.md): for each item the level due (`levelDue`, or `escalatedLevel`
 * after a broken promise or plan), held out when disputed, promised, in a plan or its buyer paused; no overdue
 * letter in a currency whose overdue balance (less the buyer's credits: open credit notes, unapplied cash) is
 * below the policy's minimum, no pre-due reminder for less than it; credits go against the oldest items first
 * and items they cover entirely get no letter (`covered_by_credits`); one letter per buyer, at the highest level
 * due, listing each item at its own level.
 */
function groupByBuyer<T extends { readonly buyerId: string }>(xs: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.buyerId);
    if (list === undefined) m.set(x.buyerId, [x]);
    else list.push(x);
  }
  return m;
}

export function planDunning(input: DunningInput): DunningPlan {
  const { asOf, policy } = input;
  const skipped: { number: string; buyerId: string; reason: SkipReason }[] = [];
  const due: { item: PlannedItem; ladder: readonly DunningLevel[] }[] = [];
  for (const item of input.items) {
    const buyer = input.buyers.get(item.buyerId);
    if (buyer === undefined || item.open <= 0n) continue;
    const ladder = ladderFor(policy, buyer);
    const last = input.lastLetters.get(item.number);
    const level = input.escalate.has(item.number)
      ? escalatedLevel(ladder, item.dueDate, asOf, last)
      : levelDue(ladder, item.dueDate, asOf, last);
    if (level === undefined) continue;
    const held = input.excluded.get(item.number) ?? (input.pausedBuyers.has(item.buyerId) ? 'paused' : undefined);
    if (held !== undefined) {
      skipped.push({ number: item.number, buyerId: item.buyerId, reason: held });
      continue;
    }
    due.push({ item: { ...item, daysOverdue: daysBetween(item.dueDate, asOf), level, credits: [] }, ladder });
  }
  // The buyer's credits go against its dunnable items (held ones apart, waiting ones included), oldest due first:
  // an item they cover entirely gets no letter. The minimum applies to the overdue balance per currency, net of
  // the credits; pre-due reminders to the pre-due items due for a letter, net of what credits are left.
  const dunnable = input.items.filter(
    (i) => i.open > 0n && !input.excluded.has(i.number) && !input.pausedBuyers.has(i.buyerId),
  );
  const setOff = new Map<string, OpenCredit[]>();
  // Grouped by buyer once (not filtered again for each buyer with a credit: quadratic on a large portfolio).
  const creditsOf = groupByBuyer(input.credits ?? []);
  const dunnableOf = groupByBuyer(dunnable.filter((i) => creditsOf.has(i.buyerId)));
  for (const [buyerId, credits] of creditsOf)
    for (const [n, cs] of allocateCredits(dunnableOf.get(buyerId) ?? [], credits)) setOff.set(n, cs);
  const covered = (n: string) => (setOff.get(n) ?? []).reduce((t, c) => t + c.amount, 0n);
  const overdue = new Map<string, bigint>();
  const preDue = new Map<string, bigint>();
  const add = (m: Map<string, bigint>, k: string, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
  for (const item of dunnable)
    if (item.dueDate < asOf) add(overdue, creditKey(item.buyerId, item.currency), item.open - covered(item.number));
  for (const { item } of due)
    if (item.daysOverdue <= 0) add(preDue, creditKey(item.buyerId, item.currency), item.open - covered(item.number));
  const letters = new Map<string, { buyerId: string; ladder: readonly DunningLevel[]; items: PlannedItem[] }>();
  for (const d of due) {
    const minimum = parseMoney(policy.minimumOverdue, d.item.currency);
    const floor = minimum.ok ? minimum.value.amount : 0n;
    const k0 = creditKey(d.item.buyerId, d.item.currency);
    const net = d.item.daysOverdue > 0 ? (overdue.get(k0) ?? 0n) : (preDue.get(k0) ?? 0n);
    const owed = d.item.open - covered(d.item.number);
    if (owed <= 0n || net < floor) {
      skipped.push({
        number: d.item.number,
        buyerId: d.item.buyerId,
        reason: owed <= 0n ? 'covered_by_credits' : 'below_minimum',
      });
      continue;
    }
    const letter = letters.get(d.item.buyerId) ?? { buyerId: d.item.buyerId, ladder: d.ladder, items: [] };
    letter.items.push({ ...d.item, credits: setOff.get(d.item.number) ?? [] });
    letters.set(d.item.buyerId, letter);
  }
  // One letter per buyer, at the highest level any of its items is due for.
  const planned = [...letters.values()]
    .map(({ ladder, buyerId, items }) => {
      const rank = Math.max(...items.map((i) => ladder.indexOf(i.level)));
      const level = ladder[rank] as DunningLevel;
      return {
        buyerId,
        level,
        rank,
        nextStep: ladder[rank + 1]?.channel ?? ('none' as const),
        items: items.sort(byDueThenNumber),
      };
    })
    .sort((a, b) => (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : 0));
  return { letters: planned, skipped };
}
