import { toEpochDay } from '../calendar/date';
import { compactIban } from './payer';
import type { MatchPolicy } from './policy';
import { compactReference } from './rf';
import type { BankLine, CandidateBuyer, EarlierPayment, MatchReason, ReversalMatch, UnapplyProposal } from './types';

/**
 * A reversal (a returned or recalled credit) is not a payment: it points to an earlier payment, which is
 * to be un-applied. Candidates: earlier payments of the same amount and currency, booked before the line
 * within the policy's window. Its EndToEndId or bank reference quoted by the reversal identifies it; the
 * payer's IBAN supports it. Applied without review only when identified by a reference and unique.
 */
export function matchReversal(
  line: BankLine,
  earlier: readonly EarlierPayment[],
  _buyers: readonly CandidateBuyer[],
  policy: MatchPolicy,
): ReversalMatch {
  const day = toEpochDay(line.bookingDate);
  const texts = [line.remittance, line.structuredRef, line.endToEndId, line.bankRef]
    .filter((t): t is string => !!t)
    .map(compactReference);
  const quotes = (ref: string | undefined) => {
    const r = ref ? compactReference(ref) : '';
    return r.length >= 6 && texts.some((t) => t.includes(r));
  };
  const proposals: (UnapplyProposal & { byReference: boolean })[] = [];
  for (const p of earlier) {
    const d = toEpochDay(p.bookingDate);
    if (p.currency !== line.currency || p.amount !== line.amount || d > day || day - d > policy.reversalWindowDays)
      continue;
    const reasons: MatchReason[] = [];
    const weights: number[] = [policy.weights.amountExact];
    const byReference = quotes(p.endToEndId) || quotes(p.bankRef);
    if (byReference) {
      weights.push(policy.weights.reference);
      reasons.push({
        code: 'reversal_of',
        params: { payment: p.paymentId, reference: p.endToEndId ?? p.bankRef ?? '' },
      });
    }
    if (line.payerIban && p.payerIban && compactIban(line.payerIban) === compactIban(p.payerIban)) {
      weights.push(policy.weights.iban);
      reasons.push({ code: 'iban_known', params: { iban: compactIban(line.payerIban), buyer: p.buyerId } });
    }
    reasons.push({ code: 'amount_exact', params: { amount: { amount: line.amount, currency: line.currency } } });
    const score = 1 - weights.reduce((q, w) => q * (1 - w), 1);
    proposals.push({
      paymentId: p.paymentId,
      buyerId: p.buyerId,
      score: Math.round(score * 10_000) / 10_000,
      reasons,
      byReference,
    });
  }
  proposals.sort((a, b) => b.score - a.score || (a.paymentId < b.paymentId ? -1 : 1));
  const [best, second] = proposals;
  if (best === undefined)
    return {
      kind: 'reversal',
      decision: 'unknown',
      proposals: [],
      reasons: [{ code: 'reversal_unmatched', params: {} }],
    };
  const clear = second === undefined || best.score - second.score >= policy.ambiguityMargin;
  const auto = best.byReference && clear && best.score >= policy.autoApplyThreshold;
  return {
    kind: 'reversal',
    decision: auto ? 'auto_apply' : 'review',
    proposals: proposals.map(({ byReference: _, ...p }) => p),
    reasons: clear ? [] : [{ code: 'other_proposal_close', params: { buyer: second?.buyerId ?? '' } }],
  };
}
