import { describe, expect, it } from 'vitest';
import { date } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { behaviourSums, paymentBehaviour, type Settlement } from './payment-behaviour';

const EUR = 'EUR' as CurrencyCode;
const USD = 'USD' as CurrencyCode;

const s = (
  buyerId: string,
  issue: string,
  due: string,
  paidOn: string,
  amount: bigint,
  currency = EUR,
): Settlement => ({
  buyerId,
  currency,
  issueDate: date(issue),
  dueDate: date(due),
  paidOn: date(paidOn),
  amount,
});

describe('behaviourSums and paymentBehaviour', () => {
  it('amount-weighted days to pay and days beyond terms; paying early counts 0, not negative', () => {
    const sums = behaviourSums([
      // 100 paid 40 days after issue, 10 days late
      s('B1', '2024-01-01', '2024-01-31', '2024-02-10', 100n),
      // 300 paid 20 days after issue, 10 days early → 0 days late
      s('B1', '2024-01-01', '2024-01-31', '2024-01-21', 300n),
    ]);
    expect(sums).toEqual([
      {
        buyerId: 'B1',
        currency: 'EUR',
        settledAmount: 400n,
        settlements: 2,
        amountTimesDaysToPay: 100n * 40n + 300n * 20n,
        amountTimesDaysLate: 100n * 10n,
        lateSettlements: 1,
        maxDaysLate: 10,
      },
    ]);
    const [b] = sums.map(paymentBehaviour);
    expect(b?.averageDaysToPay).toBe(25); // 10 000 / 400
    expect(b?.weightedDaysBeyondTerms).toBe(2.5); // 1 000 / 400 (not (1 000 − 3 000) / 400 = −5)
  });

  it('groups per buyer and currency', () => {
    const sums = behaviourSums([
      s('B1', '2024-01-01', '2024-01-31', '2024-01-31', 10n),
      s('B2', '2024-01-01', '2024-01-31', '2024-03-01', 10n),
      s('B1', '2024-01-01', '2024-01-31', '2024-01-11', 10n, USD),
      s('B1', '2024-01-01', '2024-01-31', '2024-02-02', 30n),
    ]);
    const view = sums.map((x) => [x.buyerId, x.currency, x.settlements, x.settledAmount]);
    expect(view).toEqual([
      ['B1', 'EUR', 2, 40n],
      ['B2', 'EUR', 1, 10n],
      ['B1', 'USD', 1, 10n],
    ]);
    const at = (i: number) => {
      const x = sums[i];
      if (!x) throw new Error(`no group ${i}`);
      return paymentBehaviour(x);
    };
    const b2 = at(1);
    // 2024-01-01 → 2024-03-01 is 60 days (leap February); 30 days beyond the 2024-01-31 due date
    expect([b2.averageDaysToPay, b2.weightedDaysBeyondTerms]).toEqual([60, 30]);
    const b1 = at(0);
    // (10 × 30 + 30 × 32) / 40 = 31.5; (10 × 0 + 30 × 2) / 40 = 1.5
    expect([b1.averageDaysToPay, b1.weightedDaysBeyondTerms]).toEqual([31.5, 1.5]);
  });

  it('rounds to one decimal', () => {
    // days to pay 10, 10, 11 with equal amounts: 31 / 3 = 10.333… → 10.3
    const [sum] = behaviourSums([
      s('B', '2024-01-01', '2024-01-05', '2024-01-11', 1n),
      s('B', '2024-01-01', '2024-01-05', '2024-01-11', 1n),
      s('B', '2024-01-01', '2024-01-05', '2024-01-12', 1n),
    ]);
    expect(sum && paymentBehaviour(sum).averageDaysToPay).toBe(10.3);
    expect(sum && paymentBehaviour(sum).weightedDaysBeyondTerms).toBe(6.3); // (6 + 6 + 7) / 3 = 6.333…
  });

  it('nothing settled: zeros', () => {
    expect(behaviourSums([])).toEqual([]);
    const b = paymentBehaviour({
      buyerId: 'B',
      currency: EUR,
      settledAmount: 0n,
      settlements: 0,
      amountTimesDaysToPay: 0n,
      amountTimesDaysLate: 0n,
      lateSettlements: 0,
      maxDaysLate: 0,
    });
    expect([b.averageDaysToPay, b.weightedDaysBeyondTerms]).toEqual([0, 0]);
  });
});
