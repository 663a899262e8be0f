import type { BankStatement, BankStatementLine } from '@credence/core';

/**
 * What becomes of a stored line: `unmatched` — a credit on a receivable account, waiting for the matching step
 * (no payment is created on import); `ignored` — kept, but never a payment (`ignoredReason` says why).
 */
export type BankLineStatus = 'unmatched' | 'ignored';
export type BankLineIgnored = 'debit' | 'reversal' | 'return' | 'not_receivable';

export interface StoredBankLine extends BankStatementLine {
  /** The stored statement's id. */
  readonly statement: string;
  /** 1, 2, … in the statement's order. */
  readonly line: number;
  readonly status: BankLineStatus;
  readonly ignoredReason?: BankLineIgnored;
}

/** A stored statement without its lines: the statement's fields, the hash of its content, who imported it. */
export interface StoredBankStatement extends Omit<BankStatement, 'lines'> {
  /** `BST-` and the first 16 hex digits of the content hash. */
  readonly id: string;
  readonly contentHash: string;
  readonly lineCount: number;
  /** The file it came from. */
  readonly source?: string;
  readonly recordedBy?: string;
  readonly recordedAt?: Date;
}

/** The key that makes a statement the same statement: account, statement id and sequence number. */
export type BankStatementKey = Pick<BankStatement, 'account' | 'statementId' | 'sequence'>;

export interface BankStatementReads {
  /** The stored statements with one of these keys or content hashes. */
  bankStatementsLike(keys: readonly BankStatementKey[], hashes: readonly string[]): Promise<StoredBankStatement[]>;
  /** A statement's lines in order (none for an unknown id). */
  bankStatementLines(statementId: string): Promise<StoredBankLine[]>;
}

export interface BankStatementWrites {
  /** Inserts a statement and its lines (lines by COPY). Lock `bank_statements` first. */
  insertBankStatement(
    statement: Omit<StoredBankStatement, 'recordedBy' | 'recordedAt' | 'source'>,
    lines: readonly StoredBankLine[],
  ): Promise<void>;
}
