import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 16, cash application: what became of each bank line the matching step looked at, and the learned
 * IBAN → buyer map.
 *
 * `bank_line_matches`: one row per line (statement, line) once matched: its state (`applied`, `review`,
 * `on_account`, `suspense`, `rejected`), the buyer and payment it went to, the best score and the proposals with
 * their reasons (JSON, bigints as strings), who decided and when. The primary key makes a line applied once, ever;
 * a payment id comes from one line only.
 *
 * `bank_ibans`: the payer IBANs known to belong to a buyer — learned when a line from that IBAN is applied to the
 * buyer, or set by a person — which the matcher reads as evidence. Who set it, when, from which line.
 *
 * `policy_versions.kind` gains `cash`: the match policy (thresholds, tolerances, weights) is stored like the others.
 */
export const m035: Migration = {
  async up(db: Kysely<unknown>) {
    const KEY = sql`text collate "C"`;
    await db.schema
      .createTable('bank_line_matches')
      .addColumn('statement', KEY, (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('applied', 'review', 'on_account', 'suspense', 'rejected', 'ignored')`),
      )
      .addColumn('buyer_id', KEY)
      .addColumn('payment_id', KEY, (c) => c.unique())
      .addColumn('score', 'float8')
      .addColumn('proposals', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('booking_date', 'date', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('bank_line_matches_pk', ['statement', 'line'])
      .addForeignKeyConstraint('bank_line_matches_line', ['statement', 'line'], 'bank_statement_lines', [
        'statement',
        'line',
      ])
      .execute();
    await sql`create index bank_line_matches_state on bank_line_matches (state, booking_date)`.execute(db);
    await db.schema
      .createTable('bank_ibans')
      .addColumn('iban', KEY, (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('learned_from', 'text')
      .addColumn('set_by', 'text', (c) => c.notNull())
      .addColumn('set_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await sql`alter table policy_versions drop constraint if exists policy_versions_kind_check`.execute(db);
    await sql`alter table policy_versions add constraint policy_versions_kind_check
      check (kind in ('grading', 'limit', 'check', 'dunning', 'cash'))`.execute(db);
  },
};
