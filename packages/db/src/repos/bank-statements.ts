import type { Attribution, BankStatementKey, StoredBankLine, StoredBankStatement } from '@credence/app';
import type { BankStatementFormat, CreditDebit, StatementBalance } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, opt, toBig } from '../convert';
import { copyLayout, csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { BankStatementLinesTable, BankStatementsTable, Database } from '../schema';

const signedOf = (b: StatementBalance | undefined): bigint | undefined =>
  b === undefined ? undefined : b.creditDebit === 'credit' ? b.amount : -b.amount;

function balanceOf(amount: bigint | string | null, date: string | null): StatementBalance | undefined {
  if (amount === null || date === null) return undefined;
  const a = toBig(amount);
  return { amount: a < 0n ? -a : a, creditDebit: a < 0n ? 'debit' : 'credit', date: asDate(date) };
}

const toStatement = (r: BankStatementsTable): StoredBankStatement => {
  const opening = balanceOf(r.opening_amount, r.opening_date);
  const closing = balanceOf(r.closing_amount, r.closing_date);
  return {
    id: r.id,
    format: r.format as BankStatementFormat,
    ...opt('version', r.version),
    account: r.account,
    currency: asCurrency(r.currency),
    statementId: r.statement_id,
    ...opt('sequence', r.sequence),
    ...opt('createdAt', r.created_at),
    ...opt('opening', opening),
    ...opt('closing', closing),
    lineCount: Number(r.line_count),
    contentHash: r.content_hash,
    ...opt('source', r.source),
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at),
  };
};

export const toLine = (r: BankStatementLinesTable): StoredBankLine => ({
  statement: r.statement,
  line: Number(r.line),
  entry: Number(r.entry),
  ...opt('transaction', r.transaction === null ? null : Number(r.transaction)),
  amount: toBig(r.amount),
  currency: asCurrency(r.currency),
  creditDebit: r.credit_debit as CreditDebit,
  bookingDate: asDate(r.booking_date),
  valueDate: asDate(r.value_date),
  ...opt('payerName', r.payer_name),
  ...opt('payerIban', r.payer_iban),
  ...opt('payerBic', r.payer_bic),
  remittance: r.remittance,
  ...opt('structuredRef', r.structured_ref),
  ...opt('endToEndId', r.end_to_end_id),
  ...opt('bankRef', r.bank_ref),
  reversal: r.reversal,
  ...opt('returnReason', r.return_reason),
  status: r.status as StoredBankLine['status'],
  ...opt('ignoredReason', r.ignored_reason as StoredBankLine['ignoredReason'] | null),
});

/** The COPY layout of `bank_statement_lines`. */
const LINE = copyLayout<StoredBankLine>([
  ['statement', (l) => l.statement],
  ['line', (l) => l.line],
  ['entry', (l) => l.entry],
  ['transaction', (l) => l.transaction],
  ['amount', (l) => l.amount],
  ['currency', (l) => l.currency],
  ['credit_debit', (l) => l.creditDebit],
  ['booking_date', (l) => l.bookingDate],
  ['value_date', (l) => l.valueDate],
  ['payer_name', (l) => l.payerName],
  ['payer_iban', (l) => l.payerIban],
  ['payer_bic', (l) => l.payerBic],
  ['remittance', (l) => l.remittance],
  ['structured_ref', (l) => l.structuredRef],
  ['end_to_end_id', (l) => l.endToEndId],
  ['bank_ref', (l) => l.bankRef],
  ['reversal', (l) => (l.reversal ? 'true' : 'false')],
  ['return_reason', (l) => l.returnReason],
  ['status', (l) => l.status],
  ['ignored_reason', (l) => l.ignoredReason],
]);

/** The stored statements with one of these keys (account, id, sequence) or content hashes. */
export async function bankStatementsLike(
  db: Kysely<Database>,
  keys: readonly BankStatementKey[],
  hashes: readonly string[],
): Promise<StoredBankStatement[]> {
  if (keys.length === 0 && hashes.length === 0) return [];
  const accounts = keys.map((k) => k.account);
  const ids = keys.map((k) => k.statementId);
  const seqs = keys.map((k) => k.sequence ?? '');
  const { rows } = await sql<BankStatementsTable>`
    select s.* from bank_statements s
    where s.content_hash = any(${[...hashes]}::text[])
       or (s.account, s.statement_id, coalesce(s.sequence, '')) in (
            select * from unnest(${accounts}::text[], ${ids}::text[], ${seqs}::text[]))
    order by s.id`.execute(db);
  return rows.map(toStatement);
}

export async function bankStatementLines(db: Kysely<Database>, statement: string): Promise<StoredBankLine[]> {
  const rows = await db
    .selectFrom('bank_statement_lines')
    .selectAll()
    .where('statement', '=', statement)
    .orderBy('line')
    .execute();
  return rows.map(toLine);
}

/** The statement row, then its lines by COPY. */
export async function insertBankStatement(
  conn: Conn,
  s: Omit<StoredBankStatement, 'recordedBy' | 'recordedAt' | 'source'>,
  lines: readonly StoredBankLine[],
  by: Attribution,
): Promise<void> {
  const opening = signedOf(s.opening);
  const closing = signedOf(s.closing);
  await conn.db
    .insertInto('bank_statements')
    .values({
      id: s.id,
      format: s.format,
      version: s.version ?? null,
      account: s.account,
      currency: s.currency,
      statement_id: s.statementId,
      sequence: s.sequence ?? null,
      created_at: s.createdAt ?? null,
      opening_amount: opening ?? null,
      opening_date: s.opening?.date ?? null,
      closing_amount: closing ?? null,
      closing_date: s.closing?.date ?? null,
      line_count: s.lineCount,
      content_hash: s.contentHash,
      recorded_by: by.recordedBy,
      recorded_at: by.recordedAt,
      source: by.source ?? null,
    })
    .execute();
  if (lines.length > 0)
    await conn.copy(
      'bank_statement_lines',
      LINE.columns(),
      csvParts(lines, (l) => LINE.row(l)),
    );
}
