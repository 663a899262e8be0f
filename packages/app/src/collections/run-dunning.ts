import {
  addDays,
  type BusinessDate,
  type Buyer,
  type BuyerProfile,
  type CollectionEvent,
  collectionsState,
  creditKey,
  type DunningPolicy,
  type Failure,
  fail,
  type LastLetter,
  ok,
  planDunning,
  type RateTables,
  type Result,
  type SkipReason,
} from '@credence/core';
import { applyWaitingCash } from '../cash-application/apply-waiting-cash';
import { cashInReview } from '../cash-application/cash-in-review';
import { tiersInForce } from '../grading/recorded-grade';
import type { Store } from '../ports';
import { basisOf } from './basis';
import { buildLetter, letterId } from './build-letter';
import { commitmentsOn } from './commitments-today';
import { type Company, letterLanguage } from './company';
import { beyondFirstStep, type FirstRun, firstRunReason, summariseByLevel } from './first-run';
import { handedToInsurer, insurerHandOffs } from './insurer-hand-off';
import { type ItemInterest, itemInterest } from './item-interest';
import type { Letter } from './letter';
import { LetterConflict, type RecordedLetter } from './ports';
import { BUYERS_PER_TRANSACTION, recordRun } from './record-run';
import { creditsOf } from './run-credits';

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
  /** Set on a first run (no confirmed run yet, or back history imported since): what it would send, what it held. */
  readonly firstRun?: FirstRun;
}

/** What a day's dunning needs: the date, the policy, the creditor's settings and the reference rates. */
export interface DunningDay {
  readonly asOf: BusinessDate;
  readonly policy: DunningPolicy;
  readonly company: Company;
  readonly rates: RateTables;
}

/**
 * The day's dunning (docs/domain/dunning.md). Decides each open item's level, builds one letter per buyer
 * (at the highest level due, each item at its own), holds a first run's letters beyond the first overdue level
 * until confirmed, and — unless `dryRun` — records, by groups of whole buyers in one transaction each, their letters,
 * outbox entries, the commitments found kept or broken and a credit hold the ladder calls for. Running the same date
 * again finds every letter recorded and plans nothing; a run stopped half-way is finished by the next.
 */
export async function runDunning(
  store: Store,
  x: DunningDay & {
    dryRun: boolean;
    /** Whole buyers recorded per transaction (default 200). */
    buyersPerTransaction?: number;
    /** On a first run, send beyond the first overdue level too (`--confirm`). */
    confirm?: boolean;
    /**
     * The clock's today. Given, a live run dated after it is refused (`run_in_future`): letters are not recorded
     * as sent on a day that has not come; a dry run may preview any date.
     */
    today?: BusinessDate;
    /**
     * Only this buyer (sending its next letter from the web workspace): its items, letters and commitment outcomes;
     * not recorded as the day's run, so it neither confirms a first run nor stops the day's run for the others.
     */
    buyerId?: string;
  },
): Promise<Result<DunningRunResult>> {
  const { asOf, policy, company } = x;
  if (!x.dryRun && x.today !== undefined && asOf > x.today)
    return fail('invalid_argument', { reason: 'run_in_future', value: asOf, today: x.today });
  const latest = await store.latestLetterDate();
  if (!x.dryRun && latest !== undefined && latest > asOf)
    return fail('not_allowed', { reason: 'run_before_last', value: asOf, latest });
  // The day's statements first: lines imported but not matched yet are matched (and the sure ones applied).
  if (!x.dryRun && x.buyerId === undefined) await applyWaitingCash(store);
  const ladders = [policy.levels, ...policy.segments.map((s) => s.levels)];
  const horizon = Math.max(0, ...ladders.flat().map((l) => -l.offsetDays));
  const items = (await store.dunnableItems(asOf, addDays(asOf, horizon))).filter(
    (i) => x.buyerId === undefined || i.buyerId === x.buyerId,
  );
  const buyers = new Map((await store.findBuyers([...new Set(items.map((i) => i.buyerId))])).map((b) => [b.id, b]));
  const byTier = policy.segments.some((s) => s.when.tier !== undefined);
  const profiles = new Map<string, BuyerProfile>();
  const tiers = byTier ? await tiersInForce(store, asOf) : undefined;
  for (const b of buyers.values()) {
    const tier = tiers?.get(b.id);
    profiles.set(b.id, {
      id: b.id,
      country: b.country,
      ...(b.groupId ? { group: b.groupId } : {}),
      ...(tier ? { tier } : {}),
    });
  }
  // As the date saw them: events and letters after it did not happen yet (a preview of an earlier date).
  const events = (await store.collectionEvents()).map((e) => e.event).filter((e) => e.date <= asOf);
  const lastLetters = new Map<string, LastLetter & { asOf: BusinessDate }>(
    (await store.lastLetters(asOf)).map((l) => [l.number, l]),
  );
  const first = await firstRunReason(store, items);
  const found = await commitmentsOn(store, collectionsState(events), items, asOf, lastLetters);
  const today = { ...found, events: found.events.filter((e) => x.buyerId === undefined || e.buyerId === x.buyerId) };
  const credits = await creditsOf(store, [...buyers.keys()], asOf);
  const creditSums = new Map<string, bigint>();
  for (const c of credits)
    creditSums.set(
      creditKey(c.buyerId, c.currency),
      (creditSums.get(creditKey(c.buyerId, c.currency)) ?? 0n) + c.amount,
    );
  // An item a bank line booked by the date probably pays, waiting for review, waits too (issue 16).
  const excluded = new Map<string, 'disputed' | 'promised' | 'plan' | 'cash_in_review'>(today.excluded);
  for (const n of await cashInReview(store, asOf)) if (!excluded.has(n)) excluded.set(n, 'cash_in_review');
  const plan = planDunning({
    asOf,
    policy,
    buyers: profiles,
    items,
    lastLetters,
    excluded,
    pausedBuyers: today.paused,
    escalate: today.escalate,
    credits,
  });
  // A first run sends nothing beyond the first overdue level unless confirmed (docs/domain/dunning.md).
  const confirmed = first === undefined || x.confirm === true || policy.firstRun === 'send';
  const held = confirmed
    ? []
    : plan.letters.filter((l) => beyondFirstStep(policy, profiles.get(l.buyerId) as BuyerProfile, l));
  const sending = plan.letters.filter((l) => !held.includes(l));
  const firstRun: FirstRun | undefined = first && {
    ...first,
    confirmed,
    byLevel: summariseByLevel(plan.letters),
    held: held.map((l) => ({ buyerId: l.buyerId, level: l.level.id })),
  };

  const inLetters = sending.flatMap((l) => l.items);
  const reductions = await store.documentReductions(
    inLetters.map((i) => i.number),
    asOf,
  );
  const byDocument = new Map<string, typeof reductions>();
  for (const r of reductions) byDocument.set(r.number, [...(byDocument.get(r.number) ?? []), r]);
  const warnings = new Map<string, Failure>();
  const interest = new Map<string, ItemInterest | undefined>();
  for (const i of inLetters) {
    const buyer = buyers.get(i.buyerId) as Buyer;
    const r = itemInterest(i, byDocument.get(i.number) ?? [], basisOf(buyer, company), asOf, x.rates);
    interest.set(i.number, r.ok ? r.value : undefined);
    const why = r.ok ? r.value.notComputed : r.error;
    if (why) warnings.set(JSON.stringify(why), why);
  }
  // A buyer lettered earlier the same day (before a dispute was resolved, an invoice imported) gets a
  // supplementary letter ("-2", "-3" after the id) with the day's deadline: never two deadlines on one day.
  const earlier = await store.lettersOn(asOf);
  const taken = new Set(earlier.map((l) => l.letter.id));
  const dayDeadline = new Map<string, BusinessDate>();
  for (const { letter } of earlier)
    if (!dayDeadline.has(letter.debtor.id)) dayDeadline.set(letter.debtor.id, letter.deadline);
  const toInsurer = await insurerHandOffs(store, asOf);
  const letters = sending.map((p) => {
    const buyer = buyers.get(p.buyerId) as Buyer;
    let id = letterId(asOf, p.buyerId, p.level.id);
    for (let k = 2; taken.has(id); k++) id = `${letterId(asOf, p.buyerId, p.level.id)}-${k}`;
    const built = buildLetter(p, {
      id,
      firstLetter: p.items.every((i) => !lastLetters.has(i.number)),
      asOf,
      buyer,
      company,
      language: letterLanguage(buyer.language, company.language),
      basis: basisOf(buyer, company),
      policyId: policy.id,
      interest,
      deadline: dayDeadline.get(p.buyerId),
    });
    return handedToInsurer(built, toInsurer);
  });
  if (!x.dryRun) {
    try {
      await recordRun(store, letters, today.events, asOf, x.buyersPerTransaction ?? BUYERS_PER_TRANSACTION);
      if (x.buyerId === undefined)
        await store.transact((tx) => tx.recordDunningRun({ asOf, confirmed, letters: letters.length }));
    } catch (e) {
      // Another run of the date recorded letters for these documents meanwhile: nothing of this group is kept.
      if (e instanceof LetterConflict) return fail('not_allowed', { reason: 'concurrent_run' });
      throw e;
    }
  }
  const claimed = (letter: Letter) => letter.interestMissing === undefined;
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
        interest: claimed(letter) ? l.interest : null,
      })),
    }),
  );
  return ok({
    asOf,
    actions,
    letters,
    skipped: plan.skipped,
    events: today.events,
    warnings: [...warnings.values()],
    ...(firstRun ? { firstRun } : {}),
  });
}
