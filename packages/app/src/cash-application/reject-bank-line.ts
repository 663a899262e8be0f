import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { undecidedLine } from './decide-line';
import type { CashLineMatch } from './ports';

/**
 * `cash review reject`: the proposals are wrong; the line stays unapplied (`rejected`, listed with the suspense
 * lines by `cash unapplied`) until it is re-pointed. The why is required and audited.
 */
export async function rejectBankLine(
  store: Store,
  x: { readonly line: string; readonly by: string; readonly note: string },
): Promise<Result<CashLineMatch>> {
  if (x.note.trim() === '') return fail('missing_field', { field: 'reason' });
  return store.transact(async (tx) => {
    const line = await undecidedLine(tx, x.line);
    if (!line.ok) return line;
    const { bankLine: _, decidedAt: __, ...rest } = line.value;
    const row: CashLineMatch = { ...rest, state: 'rejected', decidedBy: x.by, note: x.note.trim() };
    await tx.putCashLines([row]);
    return ok(row);
  });
}
