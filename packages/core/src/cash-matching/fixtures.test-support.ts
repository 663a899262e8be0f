import type { BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import type { BankLine, CandidateBuyer, CandidateItem, LineMatch, PaymentMatch } from './types';

export const EUR = 'EUR' as CurrencyCode;
export const d = (s: string) => s as BusinessDate;

export const line = (over: Partial<BankLine>): BankLine => ({
  amount: 0n,
  currency: EUR,
  creditDebit: 'credit',
  bookingDate: d('2024-06-30'),
  reversal: false,
  ...over,
});

export const item = (buyerId: string, number: string, open: bigint, due: string, more: Partial<CandidateItem> = {}) =>
  ({
    buyerId,
    number,
    currency: EUR,
    open,
    issueDate: d('2024-04-01'),
    dueDate: d(due),
    ...more,
  }) satisfies CandidateItem;

export const buyer = (id: string, name: string, ibans: string[] = []): CandidateBuyer => ({ id, name, ibans });

/** The line's match as a payment (fails the test on another kind). */
export function payment(m: LineMatch): PaymentMatch {
  if (m.kind !== 'payment') throw new Error(`expected a payment, got ${m.kind}`);
  return m;
}

export const codes = (reasons: readonly { code: string }[]) => reasons.map((r) => r.code);
