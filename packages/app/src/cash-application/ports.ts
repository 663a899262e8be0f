import type { BusinessDate } from '@credence/core';
import type { MatchReason, Proposal, UnapplyProposal } from '@credence/core/cash-matching';
import type { StoredBankLine } from '../bank-statements/ports';

/**
 * What the matching step made of a bank line: `applied` (a payment, allocated), `review` (proposals wait for a
 * person), `on_account` (the payer is a known buyer but no document fits: an unapplied payment of that buyer),
 * `suspense` (nobody known paid it: no payment yet), `rejected` (a person said the proposals are wrong; in suspense).
 */
export const CASH_LINE_STATES = ['applied', 'review', 'on_account', 'suspense', 'rejected', 'ignored'] as const;
export type CashLineState = (typeof CASH_LINE_STATES)[number];

/** A proposal as stored with its line: a payment proposal, or (for a reversal) one to un-apply a payment. */
export type StoredProposal =
  | ({ readonly kind: 'payment' } & Proposal)
  | ({ readonly kind: 'unapply' } & UnapplyProposal);

export interface CashLineMatch {
  readonly statement: string;
  readonly line: number;
  readonly state: CashLineState;
  readonly buyerId?: string;
  /** The payment the line became (applied, on account). */
  readonly paymentId?: string;
  /** The best proposal's score. */
  readonly score?: number;
  readonly proposals: readonly StoredProposal[];
  /** Reasons about the line as a whole (payer unknown, ties …). */
  readonly reasons: readonly MatchReason[];
  readonly bookingDate: BusinessDate;
  readonly decidedBy: string;
  readonly decidedAt?: Date;
  /** A person's why (accept, reject, re-point). */
  readonly note?: string;
}

/** A matched line with the bank line itself. */
export interface CashLine extends CashLineMatch {
  readonly bankLine: StoredBankLine;
}

/** A payer IBAN known to be a buyer's. */
export interface LearnedIban {
  readonly iban: string;
  readonly buyerId: string;
  /** `statement:line` it was learned from; none when a person set it. */
  readonly learnedFrom?: string;
  readonly setBy: string;
  readonly setAt?: Date;
}

export interface CashLineFilter {
  readonly states?: readonly CashLineState[];
  readonly statement?: string;
  readonly buyerId?: string;
  /** Booked on or before this date. */
  readonly bookedBy?: BusinessDate;
}

export interface CashApplicationReads {
  /** Credit lines (`unmatched`) and reversal lines with no match row yet, of one statement or all, in order. */
  linesToMatch(statement?: string): Promise<StoredBankLine[]>;
  /** Matched lines by state, statement, buyer, booking date; in (statement, line) order. */
  cashLines(filter: CashLineFilter): Promise<CashLine[]>;
  /** One matched line. */
  cashLine(statement: string, line: number): Promise<CashLine | undefined>;
  learnedIbans(): Promise<LearnedIban[]>;
}

export interface CashApplicationWrites {
  /** Inserts or replaces the match rows of these lines. Lock `cash_lines` first. */
  putCashLines(rows: readonly CashLineMatch[]): Promise<void>;
  /** Inserts or replaces IBANs. */
  putLearnedIbans(rows: readonly LearnedIban[]): Promise<void>;
  removeLearnedIban(iban: string): Promise<void>;
}
