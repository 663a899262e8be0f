import { fail, type Result } from '@credence/core';
import type { Store } from '../ports';
import { type AppliedLine, applyLineTo, undecidedLine } from './decide-line';

export interface RepointBankLineInput {
  /** `statement:line`. */
  readonly line: string;
  readonly buyerId: string;
  /** The buyer's documents it pays, settled oldest due first; none: all of it on the buyer's account. */
  readonly documents?: readonly string[];
  readonly by: string;
  readonly note: string;
}

/**
 * `cash review repoint`: a person says who paid and for what — another buyer, other documents. The line becomes
 * that buyer's payment, allocated to the named documents (oldest due first, as far as each is open), the rest on
 * account. Documents that are not the buyer's open items are refused.
 */
export async function repointBankLine(store: Store, x: RepointBankLineInput): Promise<Result<AppliedLine>> {
  if (x.note.trim() === '') return fail('missing_field', { field: 'reason' });
  const documents = x.documents ?? [];
  return store.transact(async (tx) => {
    const line = await undecidedLine(tx, x.line);
    if (!line.ok) return line;
    const open = new Set((await tx.openInvoices([x.buyerId])).filter((i) => i.open > 0n).map((i) => i.number));
    const unknown = documents.find((d) => !open.has(d));
    if (unknown !== undefined) return fail('unknown_document', { document: unknown, buyerId: x.buyerId });
    return applyLineTo(
      tx,
      line.value,
      x.buyerId,
      (left) => left.spread(x.buyerId, documents, line.value.bankLine.amount),
      x.by,
      x.note.trim(),
    );
  });
}
