import { fail, ok, type Result } from '@credence/core';
import { reverseEntry } from '../entries/reverse-entry';
import type { Store } from '../ports';
import { type AppliedLine, applyLineTo, parseLineRef, undecidedLine } from './decide-line';
import type { CashLineMatch } from './ports';

export interface AcceptBankLineInput {
  /** `statement:line`. */
  readonly line: string;
  /** 1 = the best proposal (the default), 2 = the next … */
  readonly proposal?: number;
  readonly by: string;
  readonly note?: string;
}

export type AcceptedLine = AppliedLine | { readonly line: CashLineMatch; readonly reversed: string };

/**
 * `cash review accept`: applies a waiting line as its proposal says — a payment allocated to the proposal's
 * documents as far as they are still open (the rest on account) — or, for a reversal, reverses the payment it
 * undoes. Audited with who and why; a line is decided once.
 */
export async function acceptBankLine(store: Store, x: AcceptBankLineInput): Promise<Result<AcceptedLine>> {
  const n = x.proposal ?? 1;
  const note = x.note?.trim() || `accepted proposal ${n}`;
  const decided = await store.transact(
    async (tx): Promise<Result<AcceptedLine | { reverse: string; buyerId: string }>> => {
      const line = await undecidedLine(tx, x.line);
      if (!line.ok) return line;
      const p = line.value.proposals[n - 1];
      if (p === undefined) return fail('not_found', { kind: 'proposal', id: `${x.line}#${n}` });
      if (p.kind === 'unapply') return ok({ reverse: p.paymentId, buyerId: p.buyerId });
      return applyLineTo(
        tx,
        line.value,
        p.buyerId,
        (left) => p.allocations.flatMap((a) => left.spread(p.buyerId, [a.document], a.amount)),
        x.by,
        note,
      );
    },
  );
  if (!decided.ok || !('reverse' in decided.value)) return decided as Result<AcceptedLine>;
  const { reverse, buyerId } = decided.value;
  const key = parseLineRef(x.line);
  const line = key.ok ? await store.cashLine(key.value.statement, key.value.line) : undefined;
  if (line === undefined) return fail('not_found', { kind: 'bank_line', id: x.line });
  const r = await reverseEntry(store, {
    id: `REV-${line.statement.replace(/^BST-/, '')}-${line.line}`,
    kind: 'payment',
    targetId: reverse,
    date: line.bookingDate,
    reason: `bank reversal ${x.line}: ${note}`,
  });
  if (!r.ok) return r;
  const { bankLine: _, decidedAt: __, ...rest } = line;
  const row: CashLineMatch = {
    ...rest,
    state: 'applied',
    buyerId,
    decidedBy: x.by,
    note: `reversed ${reverse}: ${note}`,
  };
  await store.transact((tx) => tx.putCashLines([row]));
  return ok({ line: row, reversed: reverse });
}
