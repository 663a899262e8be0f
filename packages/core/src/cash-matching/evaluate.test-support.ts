import { createMatcher } from './matcher';
import type { MatchPolicy } from './policy';
import { type SyntheticCase, syntheticStatement, type Truth } from './synthetic.test-support';
import { candidateBuyers, SyntheticLedger } from './synthetic-ledger.test-support';
import type { EarlierPayment, LineMatch, MatchAllocation } from './types';

/** How the matcher did on a synthetic statement. */
export interface Evaluation {
  /** Lines applied without review, and how many of them were right. */
  readonly autoApplied: number;
  readonly autoCorrect: number;
  /** Lines with one right answer, and how many of them were applied (rightly) without review. */
  readonly single: number;
  readonly singleAuto: number;
  /** Unknown payers proposed to some buyer for review (not wrong, but noise), and debits matched (must be 0). */
  readonly debitsMatched: number;
  /** Lines in review without a proposal, or unknown with one (must be 0: review always proposes). */
  readonly malformed: number;
  readonly wrong: readonly { scenario: string; line: number; truth: Truth; got: unknown }[];
  readonly byScenario: Readonly<Record<string, { lines: number; auto: number }>>;
}

const key = (a: readonly MatchAllocation[]) =>
  a
    .map((x) => `${x.document}=${x.amount}`)
    .sort()
    .join(';');

/** Whether the best proposal of a match is the truth. */
function right(m: LineMatch, truth: Truth): boolean {
  if (m.kind === 'payment' && truth.kind === 'payment') {
    const p = m.proposals[0];
    return (
      p !== undefined &&
      p.buyerId === truth.buyerId &&
      key(p.allocations) === key(truth.allocations) &&
      p.onAccount === truth.onAccount
    );
  }
  if (m.kind === 'reversal' && truth.kind === 'reversal') return m.proposals[0]?.paymentId === `P${truth.ofLine}`;
  return false;
}

/**
 * Runs the matcher over a seeded synthetic statement line by line, as the cash application would: the
 * ledger as it stands before each line, IBANs learned from the payments applied so far, earlier payments for
 * reversals. After each line the truth is applied (a reviewer fixes what the matcher did not).
 */
export function evaluate(seed: number, policy?: MatchPolicy, size?: { buyers?: number; lines?: number }): Evaluation {
  const { buyers, items, cases } = syntheticStatement(seed, size);
  const ledger = new SyntheticLedger(items);
  const learned = new Set<string>();
  const earlier: EarlierPayment[] = [];
  let autoApplied = 0;
  let autoCorrect = 0;
  let single = 0;
  let singleAuto = 0;
  let debitsMatched = 0;
  let malformed = 0;
  const wrong: Evaluation['wrong'][number][] = [];
  const byScenario: Record<string, { lines: number; auto: number }> = {};
  cases.forEach((c: SyntheticCase, n) => {
    const match = createMatcher(
      { buyers: candidateBuyers(buyers, learned), items: ledger.current(), earlierPayments: earlier },
      policy,
    )(c.line);
    const s = byScenario[c.scenario] ?? { lines: 0, auto: 0 };
    byScenario[c.scenario] = s;
    s.lines++;
    const auto = match.kind !== 'ignored' && match.decision === 'auto_apply';
    if (auto) {
      s.auto++;
      autoApplied++;
      if (right(match, c.truth)) autoCorrect++;
      else wrong.push({ scenario: c.scenario, line: n, truth: c.truth, got: match });
    }
    if ((c.truth.kind === 'payment' || c.truth.kind === 'reversal') && c.truth.single) {
      single++;
      if (auto && right(match, c.truth)) singleAuto++;
    }
    if (c.truth.kind === 'ignored' && match.kind !== 'ignored') debitsMatched++;
    if (match.kind !== 'ignored' && (match.decision === 'review') !== match.proposals.length > 0) {
      if (match.decision !== 'auto_apply') malformed++;
    }
    const t = c.truth;
    if (t.kind === 'payment') {
      ledger.apply(t.allocations);
      learned.add(t.buyerId);
      earlier.push({
        paymentId: `P${n}`,
        buyerId: t.buyerId,
        amount: c.line.amount,
        currency: c.line.currency,
        bookingDate: c.line.bookingDate,
        ...(c.line.bankRef ? { bankRef: c.line.bankRef } : {}),
        ...(c.line.endToEndId ? { endToEndId: c.line.endToEndId } : {}),
        ...(c.line.payerIban ? { payerIban: c.line.payerIban } : {}),
      });
    }
    if (t.kind === 'reversal') {
      const of = cases[t.ofLine]?.truth;
      if (of?.kind === 'payment') ledger.apply(of.allocations, -1n);
      const at = earlier.findIndex((p) => p.paymentId === `P${t.ofLine}`);
      if (at >= 0) earlier.splice(at, 1);
    }
  });
  return { autoApplied, autoCorrect, single, singleAuto, debitsMatched, malformed, wrong, byScenario };
}
