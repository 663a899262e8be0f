import { fail, ok, type Result } from '../result';
import type { BankStatement, CreditDebit } from './model';

const signed = (amount: bigint, side: CreditDebit): bigint => (side === 'credit' ? amount : -amount);

/** The signed sum of the lines: credits less debits. */
export const netMovement = (s: Pick<BankStatement, 'lines'>): bigint =>
  s.lines.reduce((sum, l) => sum + signed(l.amount, l.creditDebit), 0n);

/**
 * Checks opening + lines = closing (signed: a debit balance is negative) for a statement that states both
 * balances (camt.053, MT940); a camt.054 notification has none and passes. Every line must be in the statement's
 * currency. The failure names the statement and gives the three figures in minor units.
 */
export function checkStatementBalance(s: BankStatement): Result<true> {
  const foreign = s.lines.find((l) => l.currency !== s.currency);
  if (foreign !== undefined)
    return fail('currency_mismatch', { statement: s.statementId, expected: s.currency, got: foreign.currency });
  if (s.opening === undefined || s.closing === undefined) return ok(true);
  const opening = signed(s.opening.amount, s.opening.creditDebit);
  const closing = signed(s.closing.amount, s.closing.creditDebit);
  const movement = netMovement(s);
  if (opening + movement === closing) return ok(true);
  return fail('invalid_amount', {
    reason: 'balance_mismatch',
    statement: s.statementId,
    currency: s.currency,
    opening: String(opening),
    movement: String(movement),
    closing: String(closing),
    difference: String(closing - opening - movement),
  });
}
