import type { BusinessDate } from '../calendar/date';
import { maxDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { fail, ok, type Result } from '../result';
import type { Allocation, DocumentType, LedgerDocument } from './types';

/** The document a credit note names in `appliesTo`, with its open balance after every recorded allocation. */
export interface CreditNoteTarget {
  readonly number: string;
  readonly buyerId: string;
  readonly type: DocumentType;
  readonly currency: CurrencyCode;
  readonly issueDate: BusinessDate;
  /** Open balance now (positive = owed to us); 0 or less when already settled. */
  readonly open: bigint;
}

export interface CreditNoteApplication {
  /** What the note settles of the invoice: min(note amount, invoice open balance), never negative. */
  readonly applied: bigint;
  /** Credit left open on the note (in the buyer's favour). */
  readonly left: bigint;
  /** The later of the note's and the invoice's issue dates. */
  readonly date: BusinessDate;
  /** Invoice −applied and note +applied (kind `credit_note`, entry = the note's number); empty when nothing applies. */
  readonly allocations: readonly Allocation[];
}

type Note = Pick<LedgerDocument, 'number' | 'buyerId' | 'type' | 'issueDate' | 'amount' | 'currency'> & {
  readonly appliesTo: string;
};

/**
 * Decides how a credit note that names the invoice it corrects is applied to it. The target must be an
 * invoice of the same buyer in the same currency (`unknown_document` when there is none). The note settles
 * the invoice up to its open balance; what cannot be applied (the invoice is already paid) stays open on
 * the note.
 */
export function applyCreditNote(note: Note, target: CreditNoteTarget | undefined): Result<CreditNoteApplication> {
  if (note.type !== 'credit_note') return fail('invalid_field', { reason: 'only_on_credit_notes' });
  if (target === undefined) return fail('unknown_document', { number: note.appliesTo });
  if (target.type !== 'invoice') return fail('invalid_field', { reason: 'not_an_invoice', number: target.number });
  if (target.buyerId !== note.buyerId) {
    return fail('invalid_field', { reason: 'other_buyer', number: target.number, buyerId: target.buyerId });
  }
  if (target.currency !== note.currency) return fail('currency_mismatch', { a: note.currency, b: target.currency });
  const open = target.open > 0n ? target.open : 0n;
  const applied = note.amount < open ? note.amount : open;
  const date = maxDate(note.issueDate, target.issueDate);
  const row = (documentNumber: string, delta: bigint): Allocation => ({
    kind: 'credit_note',
    entryId: note.number,
    documentNumber,
    buyerId: note.buyerId,
    date,
    delta,
    currency: note.currency,
  });
  const allocations = applied > 0n ? [row(target.number, -applied), row(note.number, applied)] : [];
  return ok({ applied, left: note.amount - applied, date, allocations });
}
