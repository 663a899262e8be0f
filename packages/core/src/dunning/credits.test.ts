import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money/currency';
import { allocateCredits, type OpenCredit } from './credits';

const EUR = 'EUR' as CurrencyCode;
const USD = 'USD' as CurrencyCode;
const cn = (reference: string, date: string, amount: bigint, currency = EUR): OpenCredit => ({
  kind: 'credit_note',
  reference,
  date: date as BusinessDate,
  currency,
  amount,
});

describe('allocateCredits', () => {
  it('sets credits off against the highest level first, credit notes oldest first, then unapplied cash', () => {
    const letters = [
      { rank: 1, due: new Map([[EUR, 300_00n]]) },
      {
        rank: 3,
        due: new Map([
          [EUR, 200_00n],
          [USD, 50_00n],
        ]),
      },
    ];
    const cash: OpenCredit = { kind: 'unapplied_cash', currency: EUR, amount: 100_00n };
    const out = allocateCredits(letters, [cash, cn('CN-2', '2026-03-02', 150_00n), cn('CN-1', '2026-03-01', 100_00n)]);
    // The rank-3 letter takes CN-1 whole and 100 of CN-2; the rank-1 letter the other 50 of CN-2 and the cash.
    expect(out[1]?.map((c) => `${c.reference ?? c.kind}:${c.amount}`)).toEqual(['CN-1:10000', 'CN-2:10000']);
    expect(out[0]?.map((c) => `${c.reference ?? c.kind}:${c.amount}`)).toEqual(['CN-2:5000', 'unapplied_cash:10000']);
  });

  it('never sets off more than a letter is due, nor a credit in another currency', () => {
    const out = allocateCredits(
      [{ rank: 1, due: new Map([[EUR, 80_00n]]) }],
      [cn('CN-1', '2026-03-01', 500_00n), cn('CN-9', '2026-03-01', 5_00n, USD)],
    );
    expect(out[0]).toEqual([cn('CN-1', '2026-03-01', 80_00n)]);
  });
});
