import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money/currency';
import { allocateCredits, netPosition, type OpenCredit } from './net-position';
import type { OpenItem } from './open-items';

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

describe('netPosition', () => {
  const open = (number: string, dueDate: string, amount: bigint, currency = EUR): OpenItem => ({
    buyerId: 'B1',
    number,
    type: amount < 0n ? 'credit_note' : 'invoice',
    issueDate: '2026-01-01' as BusinessDate,
    dueDate: dueDate as BusinessDate,
    currency,
    open: amount,
  });
  const cash = (amount: bigint, currency = EUR): OpenCredit => ({ kind: 'unapplied_cash', currency, amount });

  it('cash that covers every invoice leaves nothing owed and the rest as a credit balance', () => {
    const net = netPosition(
      [open('I-1', '2026-01-31', 400_00n), open('I-2', '2026-02-28', 600_00n)],
      [cash(1_100_00n)],
    );
    expect(net.items).toEqual([]);
    expect(net.creditBalance).toEqual([{ currency: EUR, amount: 100_00n }]);
  });

  it('credit notes and cash reduce the oldest invoices first; what is left stays owed', () => {
    const net = netPosition(
      [open('I-2', '2026-03-31', 500_00n), open('I-1', '2026-01-31', 300_00n), open('CN-1', '2026-02-15', -200_00n)],
      [cash(150_00n)],
    );
    expect(net.items.map((i) => [i.number, i.open])).toEqual([['I-2', 450_00n]]);
    expect(show(new Map([...net.setOff].map(([n, cs]) => [n, [...cs]])))).toEqual({
      'I-1': ['CN-1:20000', 'unapplied_cash:10000'],
      'I-2': ['unapplied_cash:5000'],
    });
    expect(net.creditBalance).toEqual([]);
  });

  it('never nets across currencies', () => {
    const net = netPosition([open('I-1', '2026-01-31', 100_00n)], [cash(500_00n, USD)]);
    expect(net.items.map((i) => i.open)).toEqual([100_00n]);
    expect(net.creditBalance).toEqual([{ currency: USD, amount: 500_00n }]);
  });
});
