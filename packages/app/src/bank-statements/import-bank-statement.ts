import {
  type BankStatement,
  type BankStatementLine,
  checkStatementBalance,
  type Failure,
  ok,
  type Result,
  statementLabel,
} from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import type { BankLineIgnored, StoredBankLine, StoredBankStatement } from './ports';

export interface ImportBankOptions {
  /** The account the file is for: used when the file names none, checked against the file when it does. */
  readonly account?: string;
  /**
   * The accounts buyers pay into (the company's IBANs). Only credits on these can become payments; the lines of
   * other accounts are kept, ignored. Undefined: every account is one.
   */
  readonly receivableAccounts?: readonly string[];
}

/** One statement of the file: imported, or skipped as one already stored (same key, or same content). */
export interface ImportedBankStatement {
  readonly id: string;
  readonly account: string;
  readonly statementId: string;
  readonly sequence?: string;
  readonly outcome: 'imported' | 'skipped';
  /** Why it was skipped: the same account, id and sequence, or the same content, as the stored statement `of`. */
  readonly skipped?: { readonly reason: 'same_statement' | 'same_content'; readonly of: string };
  readonly lines: number;
  /** Credits waiting for matching (no payment is created yet). */
  readonly unmatched: number;
  readonly ignored: number;
}

export interface ImportBankSummary {
  readonly statements: readonly ImportedBankStatement[];
}

/** A statement the file cannot be imported for (the whole file is refused). */
export interface BankImportError extends Failure {
  readonly statement: string;
}

const normIban = (a: string) => a.replace(/\s+/g, '').toUpperCase();

function ignoredReason(l: BankStatementLine, receivable: boolean): BankLineIgnored | undefined {
  // A reversal is booked as a debit (a credit taken back): kept apart from plain debits, so the matching step sees it.
  if (l.reversal) return 'reversal';
  if (l.creditDebit === 'debit') return 'debit';
  if (l.returnReason !== undefined) return 'return';
  if (!receivable) return 'not_receivable';
  return undefined;
}

/**
 * The hash of what the bank reports: the account, currency, balances and lines (in order) — not the statement's
 * id, sequence, creation time or format, so the same statement sent again under another id is recognised.
 */
export function bankStatementHash(s: BankStatement): string {
  return contentHash({
    account: s.account,
    currency: s.currency,
    opening: s.opening,
    closing: s.closing,
    lines: s.lines,
  });
}

function withAccount(s: BankStatement, account: string | undefined): Result<BankStatement, BankImportError> {
  if (account === undefined) {
    if (s.account !== '') return ok(s);
    return { ok: false, error: { code: 'missing_field', params: { field: 'account' }, statement: statementLabel(s) } };
  }
  const want = normIban(account);
  if (s.account === '' || s.account === want) return ok({ ...s, account: want });
  return {
    ok: false,
    error: {
      code: 'invalid_argument',
      params: { field: 'account', expected: want, got: s.account },
      statement: statementLabel(s),
    },
  };
}

/**
 * Imports parsed bank statements, all or nothing: each is checked (an account, its balance: opening + lines =
 * closing), then in one transaction a statement already stored — the same account, statement id and sequence,
 * or the same content — is skipped and reported, never stored twice; the others are stored with their lines.
 * Credits on a receivable account wait for matching (`unmatched`); debits, reversals, returns and the lines of
 * other accounts are kept, `ignored`. No payment is created here: the matching step applies the lines.
 */
export async function importBankStatement(
  store: Store,
  statements: readonly BankStatement[],
  options: ImportBankOptions = {},
): Promise<Result<ImportBankSummary, readonly BankImportError[]>> {
  const errors: BankImportError[] = [];
  const checked: BankStatement[] = [];
  for (const raw of statements) {
    const s = withAccount(raw, options.account);
    if (!s.ok) {
      errors.push(s.error);
      continue;
    }
    const balance = checkStatementBalance(s.value);
    if (!balance.ok) errors.push({ ...balance.error, statement: statementLabel(s.value) });
    else checked.push(s.value);
  }
  if (errors.length > 0) return { ok: false, error: errors };
  const receivable = options.receivableAccounts?.map(normIban);
  const hashed = checked.map((s) => ({ s, hash: bankStatementHash(s) }));
  const summary = await store.transact(async (tx) => {
    await tx.lock('bank_statements');
    const stored = await tx.bankStatementsLike(
      checked.map(({ account, statementId, sequence }) => ({
        account,
        statementId,
        ...(sequence === undefined ? {} : { sequence }),
      })),
      hashed.map((h) => h.hash),
    );
    const out: ImportedBankStatement[] = [];
    const taken = [...stored];
    for (const { s, hash } of hashed) {
      const id = `BST-${hash.slice(0, 16)}`;
      const base = {
        id,
        account: s.account,
        statementId: s.statementId,
        ...(s.sequence === undefined ? {} : { sequence: s.sequence }),
        lines: s.lines.length,
      };
      const sameContent = taken.find((t) => t.contentHash === hash);
      const sameKey = taken.find(
        (t) => t.account === s.account && t.statementId === s.statementId && t.sequence === s.sequence,
      );
      const clash = sameKey ?? sameContent;
      if (clash !== undefined) {
        const reason = sameKey !== undefined ? 'same_statement' : 'same_content';
        out.push({
          ...base,
          id: clash.id,
          outcome: 'skipped',
          skipped: { reason, of: clash.id },
          unmatched: 0,
          ignored: 0,
        });
        continue;
      }
      const onReceivable = receivable === undefined || receivable.includes(s.account);
      const lines: StoredBankLine[] = s.lines.map((l, i) => {
        const why = ignoredReason(l, onReceivable);
        return {
          ...l,
          statement: id,
          line: i + 1,
          status: why === undefined ? 'unmatched' : 'ignored',
          ...(why === undefined ? {} : { ignoredReason: why }),
        };
      });
      const { lines: _, ...head } = s;
      const record: Omit<StoredBankStatement, 'recordedBy' | 'recordedAt' | 'source'> = {
        ...head,
        id,
        contentHash: hash,
        lineCount: lines.length,
      };
      await tx.insertBankStatement(record, lines);
      taken.push(record);
      const unmatched = lines.filter((l) => l.status === 'unmatched').length;
      out.push({ ...base, outcome: 'imported', unmatched, ignored: lines.length - unmatched });
    }
    return out;
  });
  return ok({ statements: summary });
}
