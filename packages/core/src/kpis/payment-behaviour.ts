import { type BusinessDate, daysBetween } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';

/** One settlement of an invoice by a payment (see `paymentSettlements`): `amount` of it was paid on `paidOn`. */
export interface Settlement {
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly paidOn: BusinessDate;
  readonly amount: bigint;
}

export interface PaymentBehaviour {
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly settledAmount: bigint;
  readonly settlements: number;
  /** Amount-weighted mean of (payment date − issue date). */
  readonly averageDaysToPay: number;
  /** Amount-weighted mean of max(0, payment date − due date): paying early does not offset paying late. */
  readonly weightedDaysBeyondTerms: number;
}

/** Aggregated sums, as SQL returns them. */
export interface BehaviourSums {
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly settledAmount: bigint;
  readonly settlements: number;
  readonly amountTimesDaysToPay: bigint;
  readonly amountTimesDaysLate: bigint;
  /** Settlements paid after the due date. */
  readonly lateSettlements: number;
  /** The most days any settlement was paid after its due date (0 if none late). */
  readonly maxDaysLate: number;
}

export function behaviourSums(settlements: readonly Settlement[]): BehaviourSums[] {
  const m = new Map<
    string,
    {
      buyerId: string;
      currency: CurrencyCode;
      settledAmount: bigint;
      settlements: number;
      amountTimesDaysToPay: bigint;
      amountTimesDaysLate: bigint;
      lateSettlements: number;
      maxDaysLate: number;
    }
  >();
  for (const s of settlements) {
    const key = `${s.buyerId}\u0000${s.currency}`;
    let g = m.get(key);
    if (!g) {
      g = {
        buyerId: s.buyerId,
        currency: s.currency,
        settledAmount: 0n,
        settlements: 0,
        amountTimesDaysToPay: 0n,
        amountTimesDaysLate: 0n,
        lateSettlements: 0,
        maxDaysLate: 0,
      };
      m.set(key, g);
    }
    g.settledAmount += s.amount;
    g.settlements += 1;
    g.amountTimesDaysToPay += s.amount * BigInt(daysBetween(s.issueDate, s.paidOn));
    const late = Math.max(0, daysBetween(s.dueDate, s.paidOn));
    g.amountTimesDaysLate += s.amount * BigInt(late);
    if (late > 0) g.lateSettlements += 1;
    if (late > g.maxDaysLate) g.maxDaysLate = late;
  }
  return [...m.values()];
}

export function paymentBehaviour(s: BehaviourSums): PaymentBehaviour {
  const avg = (x: bigint) => (s.settledAmount === 0n ? 0 : Math.round((Number(x) / Number(s.settledAmount)) * 10) / 10);
  return {
    buyerId: s.buyerId,
    currency: s.currency,
    settledAmount: s.settledAmount,
    settlements: s.settlements,
    averageDaysToPay: avg(s.amountTimesDaysToPay),
    weightedDaysBeyondTerms: avg(s.amountTimesDaysLate),
  };
}
