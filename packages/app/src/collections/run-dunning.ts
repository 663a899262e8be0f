import {
  addDays,
  type BusinessDate,
  type Buyer,
  type CollectionEvent,
  collectionsState,
  type DunningPolicy,
  type Failure,
  holdInForce,
  type LastLetter,
  planDunning,
  type RateTables,
  type SkipReason,
} from '@credence/core';
import type { LedgerReads, Store } from '../ports';
import { basisOf } from './basis';
import { buildLetter } from './build-letter';
import { commitmentsOn } from './commitments-today';
import { type Company, letterLanguage } from './company';
import { type ItemInterest, itemInterest } from './item-interest';
import type { RecordedLetter } from './ports';

/** One action of the day, as `dunning run --format json` prints it (amounts as decimal strings). */
export interface DunningAction {
  readonly buyerId: string;
  readonly level: string;
  readonly channel: string;
  readonly language: string;
  readonly documents: readonly {
    readonly number: string;
    readonly outstanding: string;
    readonly currency: string;
    readonly dueDate: BusinessDate;
    readonly daysOverdue: number;
    /** Interest to date under the buyer's terms; null when it cannot be computed (see `warnings`). */
    readonly interest: string | null;
  }[];
}

export interface DunningRunResult {
  readonly asOf: BusinessDate;
  readonly actions: readonly DunningAction[];
  readonly letters: readonly RecordedLetter[];
  readonly skipped: readonly { readonly number: string; readonly buyerId: string; readonly reason: SkipReason }[];
  /** Promises kept or broken and plans broken or completed, found today. */
  readonly events: readonly CollectionEvent[];
  /** Why some interest could not be computed (one per distinct reason: a missing reference rate). */
  readonly warnings: readonly Failure[];
}

async function tierOf(store: LedgerReads, buyerId: string, asOf: BusinessDate) {
  const grades = (await store.gradesOf(buyerId)).filter((g) => g.asOf <= asOf);
  return grades[grades.length - 1]?.grade.tier;
}

/**
 * The day's dunning (docs/domain/dunning.md). Decides each open item's level, builds one letter per buyer
 * and level, and — unless `dryRun` — records, by groups of whole buyers in one transaction each, their letters,
 * outbox entries, the commitments found kept or broken and a credit hold the ladder calls for. Running the same date
 * again finds every letter recorded and plans nothing; a run stopped half-way is finished by the next.
 */
export async function runDunning(
  store: Store,
  x: {
    asOf: BusinessDate;
    policy: DunningPolicy;
    company: Company;
    rates: RateTables;
    dryRun: boolean;
    /** Whole buyers recorded per transaction (default 200). */
    buyersPerTransaction?: number;
  },
): Promise<DunningRunResult> {
  const { asOf, policy, company } = x;
  const ladders = [policy.levels, ...policy.segments.map((s) => s.levels)];
  const horizon = Math.max(0, ...ladders.flat().map((l) => -l.offsetDays));
  const items = await store.dunnableItems(asOf, addDays(asOf, horizon));
  const buyers = new Map((await store.findBuyers([...new Set(items.map((i) => i.buyerId))])).map((b) => [b.id, b]));
  const byTier = policy.segments.some((s) => s.when.tier !== undefined);
  const profiles = new Map();
  for (const b of buyers.values()) {
    const tier = byTier ? await tierOf(store, b.id, asOf) : undefined;
    profiles.set(b.id, {
      id: b.id,
      country: b.country,
      ...(b.groupId ? { group: b.groupId } : {}),
      ...(tier ? { tier } : {}),
    });
  }
  const state = collectionsState((await store.collectionEvents()).map((e) => e.event));
  const today = await commitmentsOn(store, state, items, asOf);
  const lastLetters = new Map<string, LastLetter>(
    (await store.lastLetters()).filter((l) => l.asOf <= asOf).map((l) => [l.number, l]),
  );
  const plan = planDunning({
    asOf,
    policy,
    buyers: profiles,
    items,
    lastLetters,
    excluded: today.excluded,
    pausedBuyers: today.paused,
    escalate: today.escalate,
  });

  const inLetters = plan.letters.flatMap((l) => l.items);
  const reductions = await store.documentReductions(
    inLetters.map((i) => i.number),
    asOf,
  );
  const warnings = new Map<string, Failure>();
  const interest = new Map<string, ItemInterest | undefined>();
  for (const i of inLetters) {
    const buyer = buyers.get(i.buyerId) as Buyer;
    const r = itemInterest(
      i,
      reductions.filter((x) => x.number === i.number),
      basisOf(buyer, company),
      asOf,
      x.rates,
    );
    interest.set(i.number, r.ok ? r.value : undefined);
    if (!r.ok) warnings.set(JSON.stringify(r.error), r.error);
  }
  const letters = plan.letters.map((p) => {
    const buyer = buyers.get(p.buyerId) as Buyer;
    return buildLetter(p, {
      asOf,
      buyer,
      company,
      language: letterLanguage(buyer.language, company.language),
      basis: basisOf(buyer, company),
      policyId: policy.id,
      interest,
    });
  });
  if (!x.dryRun) await record(store, letters, today.events, asOf, x.buyersPerTransaction ?? BUYERS_PER_TRANSACTION);
  const actions = letters.map(
    ({ letter }): DunningAction => ({
      buyerId: letter.debtor.id,
      level: letter.levelId,
      channel: letter.channel,
      language: letter.language,
      documents: letter.lines.map((l) => ({
        number: l.number,
        outstanding: l.outstanding,
        currency: l.currency,
        dueDate: l.dueDate,
        daysOverdue: l.daysOverdue,
        interest: interest.get(l.number) === undefined ? null : l.interest,
      })),
    }),
  );
  return { asOf, actions, letters, skipped: plan.skipped, events: today.events, warnings: [...warnings.values()] };
}

/** Buyers recorded per transaction: each buyer's letters, outbox entries, outcomes and hold commit together. */
const BUYERS_PER_TRANSACTION = 200;

/**
 * Records the run by groups of whole buyers, one transaction each: a buyer's commitment outcomes, letters with
 * their outbox entries and a credit hold the ladder calls for are never split, so a run stopped between two
 * transactions is finished by the next run of the date, which finds these buyers' letters recorded.
 */
async function record(
  store: Store,
  letters: readonly RecordedLetter[],
  events: readonly CollectionEvent[],
  asOf: BusinessDate,
  perTransaction: number,
) {
  const ids = [...new Set([...letters.map((l) => l.letter.debtor.id), ...events.map((e) => e.buyerId)])].sort();
  for (let i = 0; i < ids.length; i += perTransaction) {
    const group = new Set(ids.slice(i, i + perTransaction));
    await store.transact(async (tx) => {
      await tx.appendCollectionEvents(events.filter((e) => group.has(e.buyerId)));
      const mine = letters.filter((l) => group.has(l.letter.debtor.id));
      await tx.insertLetters(mine);
      for (const hold of mine.filter((l) => l.letter.channel === 'credit_hold')) {
        const buyerId = hold.letter.debtor.id;
        if (holdInForce(await tx.holdsOf(buyerId), asOf) === undefined)
          await tx.appendHold({
            buyerId,
            action: 'hold',
            reason: `dunning level ${hold.letter.levelId}`,
            by: 'dunning run',
            recordedOn: asOf,
          });
      }
    });
  }
}
