import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 16, item 1: bank statements (camt.053, camt.054, MT940) as the bank sent them, before any matching.
 *
 * `bank_statements`: one row per statement (account, statement id, electronic sequence number, balances signed:
 * a debit balance is negative), the hash of its content and who imported it from which file. A statement is
 * stored once: unique on (account, statement id, sequence) and on the content hash.
 *
 * `bank_statement_lines`: its lines in order (a batched entry's transactions each a line), amounts positive with
 * their side; `status` `unmatched` (a credit on a receivable account, for the matching step) or `ignored` (kept,
 * never a payment: `ignored_reason`). The matching step moves a line on; the import never creates a payment.
 */
export const m028: Migration = {
  async up(db: Kysely<unknown>) {
    const KEY = sql`text collate "C"`;
    await db.schema
      .createTable('bank_statements')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('camt.053', 'camt.054', 'mt940', 'csv')`))
      .addColumn('version', 'text')
      .addColumn('account', KEY, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('statement_id', KEY, (c) => c.notNull())
      .addColumn('sequence', KEY)
      .addColumn('created_at', 'text')
      .addColumn('opening_amount', 'int8')
      .addColumn('opening_date', 'date')
      .addColumn('closing_amount', 'int8')
      .addColumn('closing_date', 'date')
      .addColumn('line_count', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull().unique())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .addColumn('source', 'text')
      .execute();
    await sql`create unique index bank_statements_key on bank_statements (account, statement_id, coalesce(sequence, ''))`.execute(
      db,
    );
    await db.schema
      .createTable('bank_statement_lines')
      .addColumn('statement', KEY, (c) => c.notNull().references('bank_statements.id'))
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('entry', 'integer', (c) => c.notNull())
      .addColumn('transaction', 'integer')
      .addColumn('amount', 'int8', (c) => c.notNull().check(sql`amount >= 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('credit_debit', 'text', (c) => c.notNull().check(sql`credit_debit in ('credit', 'debit')`))
      .addColumn('booking_date', 'date', (c) => c.notNull())
      .addColumn('value_date', 'date', (c) => c.notNull())
      .addColumn('payer_name', 'text')
      .addColumn('payer_iban', 'text')
      .addColumn('payer_bic', 'text')
      .addColumn('remittance', 'text', (c) => c.notNull())
      .addColumn('structured_ref', 'text')
      .addColumn('end_to_end_id', 'text')
      .addColumn('bank_ref', 'text')
      .addColumn('reversal', 'boolean', (c) => c.notNull())
      .addColumn('return_reason', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unmatched', 'ignored')`))
      .addColumn('ignored_reason', 'text')
      .addPrimaryKeyConstraint('bank_statement_lines_pk', ['statement', 'line'])
      .execute();
  },
};
