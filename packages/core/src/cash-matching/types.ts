import type { BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';

/** One line of a bank statement (camt.053/054, MT940, CSV), as the matcher reads it. */
export interface BankLine {
  /** Minor units, always positive; `creditDebit` gives the direction. */
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly creditDebit: 'credit' | 'debit';
  readonly bookingDate: BusinessDate;
  readonly valueDate?: BusinessDate;
  readonly payerName?: string;
  readonly payerIban?: string;
  readonly payerBic?: string;
  /** The unstructured remittance text (camt `Ustrd`, MT940 `:86:` `?20`–`?29`). */
  readonly remittance?: string;
  /** The structured creditor reference (camt `CdtrRefInf/Ref`, ISO 11649 RF or a national one). */
  readonly structuredRef?: string;
  readonly endToEndId?: string;
  /** The bank's own reference of the entry (camt `AcctSvcrRef`, MT940 field 61). */
  readonly bankRef?: string;
  /** A reversal (camt `RvslInd`, MT940 `RC`/`RD`): it undoes an earlier entry. */
  readonly reversal: boolean;
}

/** A buyer the payment may come from: its names and the IBANs learned from earlier matched payments. */
export interface CandidateBuyer {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly ibans?: readonly string[];
}

/** An open item of a buyer: what is still owed on it, and the references Credence printed for it. */
export interface CandidateItem {
  readonly buyerId: string;
  readonly number: string;
  readonly currency: CurrencyCode;
  /** Open amount, minor units, positive. */
  readonly open: bigint;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  /** References printed on the letters and statements that listed this item (RF references, letter ids). */
  readonly references?: readonly string[];
}

/** A credit line matched earlier (and applied), which a reversal line may undo. */
export interface EarlierPayment {
  readonly paymentId: string;
  readonly buyerId: string;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly bookingDate: BusinessDate;
  readonly bankRef?: string;
  readonly endToEndId?: string;
  readonly payerIban?: string;
}

export interface MatchCandidates {
  readonly buyers: readonly CandidateBuyer[];
  readonly items: readonly CandidateItem[];
  readonly earlierPayments?: readonly EarlierPayment[];
}

/** Why a proposal was made (or not): a code and its figures, rendered in each language by the reason catalog. */
export interface MatchReason {
  readonly code: MatchReasonCode;
  readonly params: Readonly<Record<string, string | number | { amount: bigint; currency: CurrencyCode }>>;
}

export const MATCH_REASON_CODES = [
  'rf_reference',
  'credence_reference',
  'end_to_end_id',
  'document_in_text',
  'iban_known',
  'iban_shared',
  'name_match',
  'name_tie',
  'name_below_cutoff',
  'payer_conflict',
  'amount_exact',
  'amount_within_tolerance',
  'amount_skonto',
  'amount_combination',
  'amount_ambiguous',
  'partial_payment',
  'over_payment',
  'no_open_item_fits',
  'amount_only',
  'payer_unknown',
  'other_proposal_close',
  'debit_not_payment',
  'reversal_of',
  'reversal_unmatched',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

export interface MatchAllocation {
  readonly document: string;
  /** Minor units applied to the document. */
  readonly amount: bigint;
}

/** One way to apply a bank line: to a buyer's documents, what stays on account, and why. */
export interface Proposal {
  readonly buyerId: string;
  /** 0 … 1: the evidence for this proposal, combined. */
  readonly score: number;
  readonly allocations: readonly MatchAllocation[];
  /** The overpaid remainder, kept on the buyer's account (0 when none). */
  readonly onAccount: bigint;
  /** What the documents still lack after a payment within tolerance (fees, FX, skonto): to write off (0 when none). */
  readonly shortfall: bigint;
  readonly reasons: readonly MatchReason[];
}

export type MatchDecision = 'auto_apply' | 'review' | 'unknown';

/** What the matcher makes of a credit line: ranked proposals (best first) and what to do with the best one. */
export interface PaymentMatch {
  readonly kind: 'payment';
  readonly decision: MatchDecision;
  readonly proposals: readonly Proposal[];
  /** Reasons about the line as a whole (payer unknown, ties …). */
  readonly reasons: readonly MatchReason[];
}

/** A reversal: proposals to un-apply an earlier payment, best first. */
export interface ReversalMatch {
  readonly kind: 'reversal';
  readonly decision: MatchDecision;
  readonly proposals: readonly UnapplyProposal[];
  readonly reasons: readonly MatchReason[];
}

export interface UnapplyProposal {
  readonly paymentId: string;
  readonly buyerId: string;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** A debit that is not a reversal of a payment: kept, never matched. */
export interface IgnoredLine {
  readonly kind: 'ignored';
  readonly reasons: readonly MatchReason[];
}

export type LineMatch = PaymentMatch | ReversalMatch | IgnoredLine;
