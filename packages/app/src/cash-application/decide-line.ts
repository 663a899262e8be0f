import { type Failure, fail, ok, type Result } from '@credence/core';
import type { MatchAllocation } from '@credence/core/cash-matching';
import { lockLedger } from '../entries/ledger-lock';
import type { LedgerWrites } from '../ports';
import { linePayment, OpenLeft, writeLinePayments } from './line-payment';
import type { CashLine, CashLineMatch, CashLineState } from './ports';

/** A line a person may still decide: in review, in suspense, or rejected. */
export const UNDECIDED: readonly CashLineState[] = ['review', 'suspense', 'rejected'];

/** Names a line `statement:line` (the form the CLI and the API take). */
export function parseLineRef(ref: string): Result<{ statement: string; line: number }> {
  const m = /^(.+):(\d+)$/.exec(ref.trim());
  if (m === null || m[1] === undefined || m[2] === undefined)
    return fail('invalid_argument', { field: 'line', expected: 'STATEMENT:LINE', got: ref });
  return ok({ statement: m[1], line: Number(m[2]) });
}

/** The line, locked, and still undecided; else a failure naming its state. */
export async function undecidedLine(tx: LedgerWrites, ref: string): Promise<Result<CashLine>> {
  const key = parseLineRef(ref);
  if (!key.ok) return key;
  await tx.lock('cash_lines');
  const line = await tx.cashLine(key.value.statement, key.value.line);
  if (line === undefined) return fail('not_found', { kind: 'bank_line', id: ref });
  if (!UNDECIDED.includes(line.state))
    return fail('not_allowed', { reason: 'line_decided', line: ref, state: line.state });
  return ok(line);
}

export interface AppliedLine {
  readonly line: CashLineMatch;
  readonly paymentId: string;
  readonly allocations: readonly MatchAllocation[];
  /** What stays unapplied on the payment (on account). */
  readonly onAccount: bigint;
}

/**
 * Applies a line to a buyer: its payment (the line's id), allocated to `wanted` as far as each document is still
 * open (the rest stays on account), the line `applied` (or `on_account` when nothing is allocated) with who and
 * why, and the payer's IBAN learned for the buyer when it was not known.
 */
export async function applyLineTo(
  tx: LedgerWrites,
  line: CashLine,
  buyerId: string,
  wanted: (left: OpenLeft) => readonly MatchAllocation[],
  by: string,
  note: string,
): Promise<Result<AppliedLine, Failure>> {
  const buyer = await tx.getBuyer(buyerId);
  if (buyer === undefined) return fail('unknown_buyer', { buyerId });
  await lockLedger(tx, buyerId);
  const open = (await tx.openInvoices([buyerId])).filter((i) => i.currency === line.bankLine.currency);
  const left = new OpenLeft(open);
  const allocations = wanted(left);
  const applied = allocations.reduce((s, a) => s + a.amount, 0n);
  if (applied > line.bankLine.amount) return fail('invalid_amount', { value: applied.toString(), reason: 'over_line' });
  const written = linePayment(line.bankLine, buyerId, allocations);
  await writeLinePayments(tx, [written]);
  const { bankLine: l, decidedAt: _, ...rest } = line;
  const row: CashLineMatch = {
    ...rest,
    state: allocations.length > 0 ? 'applied' : 'on_account',
    buyerId,
    paymentId: written.payment.id,
    decidedBy: by,
    note,
  };
  await tx.putCashLines([row]);
  if (l.payerIban !== undefined && !(await tx.learnedIbans()).some((i) => i.iban === l.payerIban))
    await tx.putLearnedIbans([{ iban: l.payerIban, buyerId, learnedFrom: `${l.statement}:${l.line}`, setBy: by }]);
  return ok({ line: row, paymentId: written.payment.id, allocations, onAccount: l.amount - applied });
}
