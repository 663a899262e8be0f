import type { BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';

export interface Buyer {
  readonly id: string;
  readonly name: string;
  readonly legalId?: string;
  /** ISO 3166 alpha-2 or alpha-3, upper case. */
  readonly country: string;
  readonly industry?: string;
  readonly currency: CurrencyCode;
  readonly paymentTermsDays: number;
  readonly groupId?: string;
  readonly language?: string;
  readonly email?: string;
  readonly salesOwner?: string;
  readonly collector?: string;
  /** Postal address for letters; lines separated by "\n" or " | ". */
  readonly address?: string;
  /** Late-payment interest claimed from this buyer: a statute regime or `contract` (then `interestRate`), or `none`. */
  readonly interestRegime?: string;
  /** The agreed rate for `contract`, e.g. "12%/year" or "0.05%/day". */
  readonly interestRate?: string;
  /** A mobile number for SMS reminders (the seeds' dunning policy). */
  readonly phone?: string;
  /** An affiliate of the seller (a credit insurance policy may exclude it from cover). */
  readonly affiliate?: boolean;
  /** A public body (a credit insurance policy may exclude it from cover). */
  readonly publicBuyer?: boolean;
}

export type DocumentType = 'invoice' | 'credit_note';

/** An invoice or a credit note. `amount` is the positive face value; a credit note counts negative. */
export interface LedgerDocument {
  readonly number: string;
  readonly buyerId: string;
  readonly type: DocumentType;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly deliveryDate?: BusinessDate;
  readonly orderRef?: string;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  /** On a credit note: the number of the invoice it corrects (see `applyCreditNote`). */
  readonly appliesTo?: string;
  /** The invoice was disputed (an export's yes/no column; the payment forecast reads it). */
  readonly disputed?: boolean;
  /** The invoice was billed electronically (an export's yes/no column; the payment forecast reads it). */
  readonly paperless?: boolean;
  /** The VAT included in `amount` (an export's optional column); credit insurance may insure the amount net of it. */
  readonly vat?: bigint;
}

/** Cash received. `documentNumber` names the invoice the buyer said it pays, if any. */
export interface Payment {
  readonly id: string;
  readonly buyerId: string;
  readonly date: BusinessDate;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly documentNumber?: string;
}

export type EntryKind = 'payment' | 'credit_note' | 'write_off';

/**
 * One change to one document's signed balance, dated. Paying EUR 100 of invoice A is
 * {document: A, delta: -100}. Applying credit note C to invoice A is two rows: A −x and C +x.
 * A reversal is a new row with the opposite delta and the reversal's date; nothing is edited.
 */
export interface Allocation {
  readonly kind: EntryKind;
  readonly entryId: string;
  readonly documentNumber: string;
  readonly buyerId: string;
  readonly date: BusinessDate;
  readonly delta: bigint;
  readonly currency: CurrencyCode;
}

export const signedAmount = (d: Pick<LedgerDocument, 'type' | 'amount'>): bigint =>
  d.type === 'credit_note' ? -d.amount : d.amount;
