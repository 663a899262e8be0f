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
const item = (number: string, dueDate: string, open: bigint, currency = EUR) => ({
  number,
  currency,
  dueDate: dueDate as BusinessDate,
  open,
});
const show = (m: Map<string, OpenCredit[]>) =>
  Object.fromEntries([...m].map(([n, cs]) => [n, cs.map((c) => `${c.reference ?? c.kind}:${c.amount}`)]));

describe('allocateCredits', () => {
  it('sets credit notes (oldest first), then unapplied cash, against the oldest due items first', () => {
    const cash: OpenCredit = { kind: 'unapplied_cash', currency: EUR, amount: 100_00n };
    const out = allocateCredits(
      [item('I-2', '2026-03-10', 300_00n), item('I-1', '2026-02-10', 200_00n), item('U-1', '2026-01-10', 50_00n, USD)],
      [cash, cn('CN-2', '2026-03-02', 150_00n), cn('CN-1', '2026-03-01', 100_00n)],
    );
    expect(show(out)).toEqual({ 'I-1': ['CN-1:10000', 'CN-2:10000'], 'I-2': ['CN-2:5000', 'unapplied_cash:10000'] });
  });

  it('never sets off more than the items are open, nor a credit in another currency', () => {
    const out = allocateCredits(
      [item('I-1', '2026-02-10', 80_00n)],
      [cn('CN-1', '2026-03-01', 500_00n), cn('CN-9', '2026-03-01', 5_00n, USD)],
    );
    expect(show(out)).toEqual({ 'I-1': ['CN-1:8000'] });
  });
});
