import { DocumentFinder } from './documents';
import { type Payer, payerFinder } from './payer';
import { DEFAULT_MATCH_POLICY, type MatchPolicy } from './policy';
import { type BuyerEvidence, proposeFor, type Scored } from './proposal';
import { ReferenceIndex } from './references';
import { matchReversal } from './reversal';
import type { BankLine, CandidateItem, LineMatch, MatchCandidates, MatchReason, PaymentMatch, Proposal } from './types';

/**
 * The matching engine: built once for the candidates (buyers, their open items, earlier payments), then asked
 * per bank line. Pure: the same line and candidates give the same answer. docs/domain/cash-application.md.
 */
export function createMatcher(candidates: MatchCandidates, policy: MatchPolicy = DEFAULT_MATCH_POLICY) {
  const references = new ReferenceIndex(candidates.items);
  const documents = new DocumentFinder(candidates.items);
  const itemsOf = new Map<string, CandidateItem[]>();
  const byAmount = new Map<string, CandidateItem[]>();
  const push = <K>(m: Map<K, CandidateItem[]>, k: K, i: CandidateItem) => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [i]);
    else list.push(i);
  };
  for (const i of candidates.items) {
    push(itemsOf, i.buyerId, i);
    push(byAmount, `${i.currency}:${i.open}`, i);
  }
  const payers = new Map<string, Payer>();
  const findPayer = payerFinder(candidates.buyers, policy);
  const payerOf = (line: BankLine): Payer => {
    const key = `${line.payerIban ?? ''}\u0000${line.payerName ?? ''}`;
    let p = payers.get(key);
    if (p === undefined) {
      p = findPayer(line);
      payers.set(key, p);
    }
    return p;
  };

  return (line: BankLine): LineMatch => {
    if (line.reversal && line.creditDebit === 'debit')
      return matchReversal(line, candidates.earlierPayments ?? [], candidates.buyers, policy);
    if (line.creditDebit === 'debit' || line.reversal)
      return { kind: 'ignored', reasons: [{ code: 'debit_not_payment', params: {} }] };
    return matchPayment(line, { references, documents, itemsOf, payerOf, byAmount }, policy);
  };
}

/** One line against the candidates (a matcher built for this call). */
export const matchBankLine = (line: BankLine, candidates: MatchCandidates, policy?: MatchPolicy): LineMatch =>
  createMatcher(candidates, policy)(line);

interface Index {
  readonly references: ReferenceIndex;
  readonly documents: DocumentFinder<CandidateItem>;
  readonly itemsOf: ReadonlyMap<string, readonly CandidateItem[]>;
  /** The payer of a line, remembered per IBAN and name (statements repeat their payers). */
  readonly payerOf: (line: BankLine) => Payer;
  /** Open items by currency and amount, for lines with nothing but an amount. */
  readonly byAmount: ReadonlyMap<string, readonly CandidateItem[]>;
}

function matchPayment(line: BankLine, index: Index, policy: MatchPolicy): PaymentMatch {
  const inCurrency = (i: CandidateItem) => i.currency === line.currency;
  const refHits = index.references.find(line).filter((h) => inCurrency(h.item));
  const docHits = index.documents.find([line.remittance, line.structuredRef, line.endToEndId]).filter(inCurrency);
  const payer = index.payerOf(line);
  const ids = new Set<string>([...refHits.map((h) => h.item.buyerId), ...docHits.map((i) => i.buyerId)]);
  if (payer.buyerId !== undefined) ids.add(payer.buyerId);
  const lineReasons: MatchReason[] = payer.buyerId === undefined ? [...payer.reasons] : [];
  const proposals: Scored[] = [...ids].map((buyerId) => {
    const refs = refHits.filter((h) => h.item.buyerId === buyerId);
    const docs = docHits.filter((i) => i.buyerId === buyerId);
    const evidence: BuyerEvidence = {
      buyerId,
      referenced: refs.map((h) => h.item),
      documents: docs,
      referenceReasons: dedupe(refs.map((h) => h.reason)),
      documentReasons: docs.map((i) => ({ code: 'document_in_text', params: { document: i.number } })),
      payerWeight: payer.buyerId === buyerId ? payer.weight : 0,
      payerReasons: payer.buyerId === buyerId ? payer.reasons : [],
      ...(payer.buyerId !== undefined && payer.buyerId !== buyerId ? { payerConflict: payer.buyerId } : {}),
      open: (index.itemsOf.get(buyerId) ?? []).filter(inCurrency),
    };
    return proposeFor(line, evidence, policy);
  });
  if (proposals.length === 0) return amountOnly(line, index, policy, lineReasons);
  return decide(proposals, policy, lineReasons);
}

const dedupe = (reasons: readonly MatchReason[]) => [
  ...new Map(reasons.map((r) => [`${r.code}:${JSON.stringify(r.params)}`, r])).values(),
];

/** Ranked best first; the best is applied when it scores above the threshold, clear of the next, on more than amount. */
function decide(scored: readonly Scored[], policy: MatchPolicy, lineReasons: MatchReason[]): PaymentMatch {
  const ranked = [...scored].sort((a, b) => b.score - a.score || (a.buyerId < b.buyerId ? -1 : 1));
  const [best, second] = ranked;
  const reasons = [...lineReasons];
  const close = best !== undefined && second !== undefined && best.score - second.score < policy.ambiguityMargin;
  if (close && best && second) reasons.push({ code: 'other_proposal_close', params: { buyer: second.buyerId } });
  const auto = best !== undefined && !best.blocked && !close && best.score >= policy.autoApplyThreshold;
  return {
    kind: 'payment',
    decision: best === undefined ? 'unknown' : auto ? 'auto_apply' : 'review',
    proposals: ranked.map(strip),
    reasons,
  };
}

const strip = ({ blocked: _, ...p }: Scored): Proposal => p;

/**
 * Nothing tells who paid: an open item of exactly this amount, alone among all buyers' items, is proposed for
 * review (never applied on amount alone); otherwise the line is unknown.
 */
function amountOnly(line: BankLine, index: Index, policy: MatchPolicy, lineReasons: MatchReason[]): PaymentMatch {
  const reasons: MatchReason[] = [...lineReasons, { code: 'payer_unknown', params: {} }];
  const same = index.byAmount.get(`${line.currency}:${line.amount}`) ?? [];
  const [only] = same;
  if (same.length !== 1 || only === undefined) return { kind: 'payment', decision: 'unknown', proposals: [], reasons };
  const proposal: Proposal = {
    buyerId: only.buyerId,
    score: policy.weights.amountExact,
    allocations: [{ document: only.number, amount: only.open }],
    onAccount: 0n,
    shortfall: 0n,
    reasons: [{ code: 'amount_only', params: { amount: { amount: line.amount, currency: line.currency } } }],
  };
  return { kind: 'payment', decision: 'review', proposals: [proposal], reasons };
}
