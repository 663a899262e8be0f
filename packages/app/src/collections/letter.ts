import type { BusinessDate, CurrencyCode, DunningChannel, DunningTone } from '@credence/core';

/** Languages a letter can be written in (one template file each: packages/letters/templates/<lang>.json). */
export type LetterLanguage = 'en' | 'zh-CN' | 'zh-TW' | 'de' | 'fr';

/** The creditor, from the company's settings (company.json). */
export interface Creditor {
  readonly name: string;
  /** Postal address, one line per entry. */
  readonly address: readonly string[];
  readonly legalId?: string;
  readonly bankAccount: {
    readonly bankName: string;
    readonly accountName: string;
    readonly iban?: string;
    readonly accountNumber?: string;
    readonly swift?: string;
  };
  readonly contact: { readonly name: string; readonly email: string; readonly phone?: string };
}

export interface Debtor {
  readonly id: string;
  readonly name: string;
  readonly address: readonly string[];
  readonly email?: string;
  readonly legalId?: string;
}

/** One document in a letter. Amounts are decimal strings in the line's currency ("1234.50"). */
export interface LetterLine {
  readonly number: string;
  readonly currency: CurrencyCode;
  readonly outstanding: string;
  readonly dueDate: BusinessDate;
  /** Days after the due date on the letter's date; negative before it (a pre-due reminder). */
  readonly daysOverdue: number;
  readonly interest: string;
  readonly compensation: string;
  /** The level this document is at (a letter lists each at its own); absent in letters recorded before. */
  readonly level?: { readonly id: string; readonly tone: DunningTone; readonly channel: DunningChannel };
  /**
   * Listed as a courtesy: not yet due, in a letter about overdue items; it is not in the totals and is to be
   * paid by its due date, not the letter's deadline.
   */
  readonly courtesy?: boolean;
  /** This document's payment deadline: the letter's, or for a courtesy line its due date. */
  readonly deadline?: BusinessDate;
}

/**
 * A credit the buyer has with us in one of the letter's currencies, set off against the total: an open credit
 * note (its number and date), or payments received and not yet applied to any invoice (no reference).
 * The amount is a positive decimal string.
 */
export interface LetterCredit {
  readonly kind: 'credit_note' | 'unapplied_cash';
  readonly reference?: string;
  readonly date?: BusinessDate;
  readonly currency: CurrencyCode;
  readonly amount: string;
}

/** Sums per currency: outstanding + interest + compensation + fee − credits = total. */
export interface LetterTotal {
  readonly currency: CurrencyCode;
  readonly outstanding: string;
  readonly interest: string;
  readonly compensation: string;
  readonly fee: string;
  /** The buyer's credits set off ("0" when none). */
  readonly credits: string;
  readonly total: string;
}

/**
 * The legal basis of the interest: a statute regime (the template has a clause per regime) or a
 * contractual rate ("contract", with the rate as agreed, e.g. "12%/year"), or "none" (no interest claimed).
 */
export interface InterestBasis {
  readonly regime: 'eu' | 'uk' | 'de-b2b' | 'de-consumer' | 'fr' | 'cn' | 'contract' | 'none';
  readonly contractRate?: string;
}

/** Everything a letter states; templates turn it into words (renderers in packages/letters). */
export interface Letter {
  /** The letter's id, also the payment reference the debtor is asked to quote. */
  readonly id: string;
  readonly date: BusinessDate;
  readonly language: LetterLanguage;
  readonly levelId: string;
  readonly tone: DunningTone;
  readonly channel: DunningChannel;
  readonly creditor: Creditor;
  readonly debtor: Debtor;
  readonly lines: readonly LetterLine[];
  /** Credits set off against the totals (empty when none). */
  readonly credits: readonly LetterCredit[];
  readonly totals: readonly LetterTotal[];
  readonly interestBasis: InterestBasis;
  /**
   * Why the letter claims no interest although its basis gives some: the reference rates missing from the tables
   * ("ecb 2026-H2") or a failure's code. The fixed compensation is claimed all the same. Absent when all was computed.
   */
  readonly interestMissing?: readonly string[];
  /** The final payment deadline this letter sets. */
  readonly deadline: BusinessDate;
  /** True when none of its items had a letter before (its opening then speaks of no earlier reminder). */
  readonly firstLetter?: boolean;
  /** What happens if it stays unpaid: the channel of the next level of the ladder, or "none" at the last. */
  readonly nextStep: DunningChannel | 'none';
  /** Its level suspends supply: recording it puts the buyer on credit hold (the level's `hold`). */
  readonly hold?: boolean;
  /** Its level asks for a call besides the letter (the level's `call`): a call task on the worklist. */
  readonly call?: boolean;
}
