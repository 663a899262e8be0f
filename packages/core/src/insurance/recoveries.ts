import type { BusinessDate } from '../calendar/date';
import { divideRounded } from '../money/round';
import { type ClaimSettlement, indemnityPerDebt } from './claim';

export interface RecoveryShare {
  readonly date: BusinessDate;
  readonly amount: bigint;
  readonly insurer: bigint;
  readonly insured: bigint;
}

/** part × numerator / denominator, rounded half-up: the one rounding of a recovery share. */
export function shareOf(part: bigint, numerator: bigint, denominator: bigint): bigint {
  return denominator === 0n ? 0n : divideRounded(part * numerator, denominator, 'half-up');
}

/** The insurer's share of the first `cumulative` recovered, pro rata: indemnity / loss of what covers the loss. */
function insurerProRata(c: ClaimSettlement, cumulative: bigint): bigint {
  const within = cumulative < c.loss ? cumulative : c.loss;
  return shareOf(within, c.indemnity, c.loss);
}

/** FIFO: recoveries fill the debts oldest first; on each debt the insurer shares pro rata to its indemnity there. */
function insurerFifo(c: ClaimSettlement, cumulative: bigint): bigint {
  const perDebt = indemnityPerDebt(c);
  let left = cumulative;
  let total = 0n;
  c.debts.forEach((d, i) => {
    const filled = left < d.loss ? left : d.loss;
    left -= filled;
    total += shareOf(filled, perDebt[i] ?? 0n, d.loss);
  });
  return total;
}

/**
 * Shares recoveries received after the date of loss (in the loss's basis: net of VAT when VAT is excluded)
 * between insurer and insured. Each recovery's share is the difference of the cumulative shares, so the
 * shares never drift and add up to the amounts; the insurer never gets back more than it paid, and what
 * exceeds the loss stays with the insured. The insurer's shares are owed back to it.
 */
export function shareRecoveries(
  c: ClaimSettlement,
  recoveries: readonly { readonly date: BusinessDate; readonly amount: bigint }[],
  sharing: 'pro-rata' | 'fifo',
): { shares: RecoveryShare[]; owedToInsurer: bigint } {
  const ordered = [...recoveries]
    .filter((r) => r.date > c.dateOfLoss)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const cum = sharing === 'fifo' ? (x: bigint) => insurerFifo(c, x) : (x: bigint) => insurerProRata(c, x);
  let received = 0n;
  let before = 0n;
  const shares = ordered.map((r) => {
    received += r.amount;
    const after = cum(received);
    const insurer = after - before;
    before = after;
    return { date: r.date, amount: r.amount, insurer, insured: r.amount - insurer };
  });
  return { shares, owedToInsurer: before };
}
