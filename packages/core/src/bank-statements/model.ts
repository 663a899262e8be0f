import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';

export type CreditDebit = 'credit' | 'debit';

/** The file formats a bank statement is read from. */
export type BankStatementFormat = 'camt.053' | 'camt.054' | 'mt940' | 'csv';

/** A balance as the bank states it: a positive amount and its side (a debit balance is an overdraft). */
export interface StatementBalance {
  readonly amount: bigint;
  readonly creditDebit: CreditDebit;
  readonly date: BusinessDate;
}

/**
 * One booked transaction of a statement: a camt entry, or one transaction of a batched entry (`NtryDtls/TxDtls`),
 * or an MT940 `:61:` with its `:86:`. `amount` is positive minor units; `creditDebit` says which way it moved
 * the account (a reversal of a credit is a debit with `reversal` set). The payer fields name the other party:
 * the debtor of a credit, the creditor of a debit.
 */
export interface BankStatementLine {
  /** The entry's position in the statement (1, 2, …) and, for a batched entry, the transaction's in it. */
  readonly entry: number;
  readonly transaction?: number;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly creditDebit: CreditDebit;
  readonly bookingDate: BusinessDate;
  readonly valueDate: BusinessDate;
  readonly payerName?: string;
  readonly payerIban?: string;
  readonly payerBic?: string;
  /** Unstructured remittance text (camt `Ustrd` lines, MT940 `?20`–`?29` / `SVWZ+`), joined; may be empty. */
  readonly remittance: string;
  /** A structured creditor reference (ISO 11649 RF or another `CdtrRefInf/Ref`). */
  readonly structuredRef?: string;
  readonly endToEndId?: string;
  /** The bank's own reference (`AcctSvcrRef`, MT940 `//` bank reference). */
  readonly bankRef?: string;
  readonly reversal: boolean;
  /** The return reason code of a returned transaction (camt `RtrInf/Rsn/Cd`), if it is one. */
  readonly returnReason?: string;
}

/** One statement (camt.053 `Stmt`, camt.054 `Ntfctn`, an MT940 message) of one account. */
export interface BankStatement {
  readonly format: BankStatementFormat;
  /** The message version, e.g. `001.08`, for camt. */
  readonly version?: string;
  /** The account: its IBAN, or the bank's account identification when the file gives no IBAN. */
  readonly account: string;
  readonly currency: CurrencyCode;
  /** The statement's id (camt `Id`, MT940 `:20:` with `:28C:`). */
  readonly statementId: string;
  /** The electronic sequence number (camt `ElctrncSeqNb`, MT940 `:28C:` statement/sequence). */
  readonly sequence?: string;
  /** When the bank created it (camt `CreDtTm`, as written). */
  readonly createdAt?: string;
  readonly opening?: StatementBalance;
  readonly closing?: StatementBalance;
  readonly lines: readonly BankStatementLine[];
}

/** What names a statement in messages: `account / id[/sequence]`. */
export const statementLabel = (s: Pick<BankStatement, 'account' | 'statementId' | 'sequence'>): string =>
  `${s.account} / ${s.statementId}${s.sequence === undefined ? '' : ` / ${s.sequence}`}`;

/** What names a line in messages: `entry 3` or `entry 3, transaction 2`. */
export const lineLabel = (l: Pick<BankStatementLine, 'entry' | 'transaction'>): string =>
  `entry ${l.entry}${l.transaction === undefined ? '' : `, transaction ${l.transaction}`}`;
