import { describe, expect, it } from 'vitest';
import { date } from '../calendar';
import type { CurrencyCode } from '../money';
import { checkStatementBalance, netMovement } from './balance';
import type { BankStatement, BankStatementLine } from './model';

const EUR = 'EUR' as CurrencyCode;
const line = (amount: bigint, creditDebit: 'credit' | 'debit', entry: number): BankStatementLine => ({
  entry,
  amount,
  currency: EUR,
  creditDebit,
  bookingDate: date('2026-03-02'),
  valueDate: date('2026-03-02'),
  remittance: '',
  reversal: false,
});
const statement = (closing: bigint, side: 'credit' | 'debit'): BankStatement => ({
  format: 'camt.053',
  account: 'DE89370400440532013000',
  currency: EUR,
  statementId: 'S1',
  opening: { amount: 1000n, creditDebit: 'debit', date: date('2026-03-01') },
  closing: { amount: closing, creditDebit: side, date: date('2026-03-02') },
  lines: [line(5000n, 'credit', 1), line(1500n, 'debit', 2)],
});

describe('checkStatementBalance', () => {
  it('opening + credits − debits = closing, with signed balances', () => {
    expect(netMovement(statement(0n, 'credit'))).toBe(3500n);
    expect(checkStatementBalance(statement(2500n, 'credit')).ok).toBe(true);
    const wrong = checkStatementBalance(statement(2500n, 'debit'));
    expect(wrong.ok ? undefined : wrong.error).toEqual({
      code: 'invalid_amount',
      params: {
        reason: 'balance_mismatch',
        statement: 'S1',
        currency: 'EUR',
        opening: '-1000',
        movement: '3500',
        closing: '-2500',
        difference: '-5000',
      },
    });
  });

  it('a notification without balances passes; a line in another currency does not', () => {
    const { opening: _, closing: __, ...n } = statement(0n, 'credit');
    expect(checkStatementBalance(n).ok).toBe(true);
    const other = { ...n, lines: [{ ...line(1n, 'credit', 1), currency: 'USD' as CurrencyCode }] };
    expect(checkStatementBalance(other).ok).toBe(false);
  });
});
