import { type Fit, fitItems, oldestFirst } from './amounts';
import { findCombination } from './combinations';
import type { MatchPolicy } from './policy';
import type { BankLine, CandidateItem, MatchReason, Proposal } from './types';

/** The evidence for one buyer: items named by reference or document number, and whether the payer is this buyer. */
export interface BuyerEvidence {
  readonly buyerId: string;
  readonly referenced: readonly CandidateItem[];
  readonly documents: readonly CandidateItem[];
  readonly referenceReasons: readonly MatchReason[];
  readonly documentReasons: readonly MatchReason[];
  /** The payer evidence's weight when the payer is this buyer; 0 otherwise. */
  readonly payerWeight: number;
  readonly payerReasons: readonly MatchReason[];
  /** Another buyer is the identified payer. */
  readonly payerConflict?: string;
  /** The buyer's open items in the line's currency. */
  readonly open: readonly CandidateItem[];
}

/** A proposal and whether it may be applied without review at all (ambiguity, amount alone). */
export interface Scored extends Proposal {
  readonly blocked: boolean;
}

const money = (line: BankLine, amount: bigint) => ({ amount, currency: line.currency });

/** The reasons and weight an amount fit adds. */
function amountEvidence(line: BankLine, fit: Fit, combined: boolean, policy: MatchPolicy): [number, MatchReason[]] {
  const w = policy.weights;
  switch (fit.fit) {
    case 'exact':
      return combined
        ? [w.amountCombination, [{ code: 'amount_combination', params: { count: fit.allocations.length } }]]
        : [w.amountExact, [{ code: 'amount_exact', params: { amount: money(line, line.amount) } }]];
    case 'tolerance':
      return [
        w.amountTolerance,
        [{ code: 'amount_within_tolerance', params: { difference: money(line, fit.shortfall + fit.onAccount) } }],
      ];
    case 'skonto':
      return [
        w.amountTolerance,
        [
          {
            code: 'amount_skonto',
            params: { discount: money(line, fit.shortfall), rate: (fit.skontoBp ?? 0) / 10_000 },
          },
        ],
      ];
    case 'over':
      return [0, [{ code: 'over_payment', params: { onAccount: money(line, fit.onAccount) } }]];
    case 'partial':
      return [0, [{ code: 'partial_payment', params: { amount: money(line, line.amount) } }]];
  }
}

/** The items named for this buyer: those its references point to, and the documents the text quotes. */
function named(e: BuyerEvidence): CandidateItem[] {
  return [...new Set([...e.referenced, ...e.documents])].sort(oldestFirst);
}

/** How the paid amount goes onto named items: all of them, or exactly a unique part of them (one of three paid). */
function fitNamed(line: BankLine, items: readonly CandidateItem[], policy: MatchPolicy): { fit: Fit; part: boolean } {
  const all = fitItems(line.amount, items, line.currency, line.bookingDate, policy);
  if (all.fit !== 'partial' || items.length < 2) return { fit: all, part: false };
  const c = findCombination(line.amount, items, line.currency, line.bookingDate, policy);
  return c.kind === 'unique' && c.fit.fit === 'exact' ? { fit: c.fit, part: true } : { fit: all, part: false };
}

/** One buyer's proposal: allocations from the named items or, without any, from a combination of its open items. */
export function proposeFor(line: BankLine, e: BuyerEvidence, policy: MatchPolicy): Scored {
  const weights: number[] = [];
  const reasons: MatchReason[] = [];
  if (e.referenced.length > 0) {
    weights.push(policy.weights.reference);
    reasons.push(...e.referenceReasons);
  }
  if (e.documents.length > 0) {
    weights.push(policy.weights.document);
    reasons.push(...e.documentReasons);
  }
  if (e.payerWeight > 0) {
    weights.push(e.payerWeight);
    reasons.push(...e.payerReasons);
  }
  const identified = weights.length > 0;
  let fit: Fit;
  let blocked = !identified;
  const items = named(e);
  if (items.length > 0) {
    const n = fitNamed(line, items, policy);
    fit = n.fit;
    // Part of several named items, and no part of them paid exactly: how to split it is a guess (oldest first),
    // proposed for review, never applied.
    if (fit.fit === 'partial' && items.length > 1) blocked = true;
    const [w, rs] = amountEvidence(line, fit, false, policy);
    weights.push(w);
    reasons.push(...rs);
  } else {
    const c = findCombination(line.amount, e.open, line.currency, line.bookingDate, policy);
    if (c.kind === 'none') {
      fit = { fit: 'over', allocations: [], onAccount: line.amount, shortfall: 0n };
      reasons.push({ code: 'no_open_item_fits', params: { amount: money(line, line.amount) } });
    } else {
      fit = c.fit;
      const [w, rs] = amountEvidence(line, fit, c.items.length > 1, policy);
      if (c.kind === 'ambiguous') {
        blocked = true;
        reasons.push({ code: 'amount_ambiguous', params: { count: c.count } });
      } else weights.push(w);
      reasons.push(...rs);
    }
  }
  let score = 1 - weights.reduce((p, w) => p * (1 - w), 1);
  if (e.payerConflict !== undefined) {
    score *= policy.weights.payerConflictFactor;
    reasons.push({ code: 'payer_conflict', params: { payer: e.payerConflict } });
  }
  return {
    buyerId: e.buyerId,
    score: Math.round(score * 10_000) / 10_000,
    allocations: fit.allocations,
    onAccount: fit.onAccount,
    shortfall: fit.shortfall,
    reasons,
    blocked,
  };
}
