import type { Migration, MigrationProvider } from 'kysely';
import { type Kysely, sql } from 'kysely';
import { m010 } from './migration-010-first-run';
import { m011 } from './migration-011-ledger-attribution';
import { m012 } from './migration-012-ledger-immutable';
import { m013 } from './migration-013-worklist';
import { m014 } from './migration-014-cash-applications';
import { m015 } from './migration-015-bulk-settlement';
import { m016 } from './migration-016-users';
import { m017 } from './migration-017-audit-log';
import { m018 } from './migration-018-entries-append-only';
import { m020 } from './migration-020-report-read-models';
import { m021 } from './migration-021-limit-answered-once';
import { m022 } from './migration-022-webhooks';
import { m023 } from './migration-023-jobs';
import { m024 } from './migration-024-overrides-and-policies';
import { m025 } from './migration-025-document-closings';
import { m026 } from './migration-026-open-documents';
import { m027 } from './migration-027-unapplied-by-buyer';
import { m028 } from './migration-028-bank-statements';
import { m030 } from './migration-030-credit-check-results';
import { m034 } from './migration-034-user-preferences';
import { m035 } from './migration-035-cash-application';
import { m040 } from './migration-040-alerts';
import { m045 } from './migration-045-credit-insurance';
import { m046 } from './migration-046-insurance-by-buyer';
import { m050 } from './migration-050-document-flags';
import { m051 } from './migration-051-forecast-models';
import { m055 } from './migration-055-securities';
import { m060 } from './migration-060-closings-first-moved';
import { m061 } from './migration-061-open-first-moved';
import { m064 } from './migration-064-daily-steps';
import { m067 } from './migration-067-alert-digests';
import { m070 } from './migration-070-document-vat';
import { m076 } from './migration-076-cash-forecasts';
import { m079 } from './migration-079-working-capital';
import { m082 } from './migration-082-sms';
import { m083 } from './migration-083-delivery-confirmations';
import { m084 } from './migration-084-statement-records';
import { m085 } from './migration-085-buyer-exclusions';
import { m098 } from './migration-098-open-documents-issued';
import { m102 } from './migration-102-daily-runs';
import { m103 } from './migration-103-country-risk';

/**
 * Key columns compare bytewise: B-tree maintenance on bulk COPY is markedly cheaper than with the
 * database's linguistic collation, and their order matches JavaScript's default string order.
 */
const KEY = sql`text collate "C"`;

/** The one migration set, defined in code so both stores run exactly the same DDL. */
const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('buyers')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_id', 'text')
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('industry', 'text')
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
      .addColumn('group_id', 'text')
      .addColumn('language', 'text')
      .addColumn('email', 'text')
      .addColumn('sales_owner', 'text')
      .addColumn('collector', 'text')
      .execute();

    await db.schema
      .createTable('documents')
      .addColumn('number', KEY, (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('invoice', 'credit_note')`))
      .addColumn('issue_date', 'date', (c) => c.notNull())
      .addColumn('due_date', 'date', (c) => c.notNull())
      .addColumn('delivery_date', 'date')
      .addColumn('order_ref', 'text')
      .addColumn('amount', 'int8', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', KEY, (c) => c.notNull().unique())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('documents_buyer').on('documents').columns(['buyer_id', 'due_date']).execute();

    await db.schema
      .createTable('payments')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('amount', 'int8', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('document_number', 'text')
      .addColumn('idempotency_key', KEY, (c) => c.notNull().unique())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('payments_buyer').on('payments').columns(['buyer_id', 'date']).execute();

    await db.schema
      .createTable('allocations')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'credit_note', 'write_off')`))
      .addColumn('entry_id', KEY, (c) => c.notNull())
      .addColumn('document_number', KEY, (c) => c.notNull())
      .addColumn('buyer_id', 'text', (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('delta', 'int8', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('allocations_document')
      .on('allocations')
      .columns(['document_number', 'date'])
      .execute();
    await db.schema.createIndex('allocations_entry').on('allocations').columns(['kind', 'entry_id']).execute();

    await db.schema
      .createTable('write_offs')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('document_number', KEY, (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('amount', 'int8', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', KEY, (c) => c.notNull().unique())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('reversals')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'write_off')`))
      .addColumn('target_id', KEY, (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', KEY, (c) => c.notNull().unique())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reversals_target').on('reversals').columns(['kind', 'target_id']).execute();

    await db.schema
      .createTable('fx_rates')
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('from_currency', 'text', (c) => c.notNull())
      .addColumn('to_currency', 'text', (c) => c.notNull())
      .addColumn('rate', 'numeric', (c) => c.notNull())
      .addPrimaryKeyConstraint('fx_rates_pk', ['date', 'from_currency', 'to_currency'])
      .execute();
  },
};

/** A credit note names the invoice it corrects (applied to it at import); part of the document's content. */
const m002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('documents').addColumn('applies_to', 'text').execute();
  },
};

/**
 * `documents.closed_on`: a read-model cache kept by every allocation write (see `refreshClosedOn`):
 * the date from which the document's balance is zero for good, or null. As-of reads skip the documents
 * closed by their date instead of summing every allocation of the portfolio. The allocations index
 * covers `delta`, so summing one document's rows as of a date reads the index alone.
 */
const m003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('documents').addColumn('closed_on', 'date').execute();
    await sql`update documents d
              set closed_on = case when (case when d.type = 'credit_note' then -d.amount else d.amount end) + m.moved = 0
                                   then greatest(d.issue_date, m.last) end
              from (select document_number, sum(delta) as moved, max(date) as last
                    from allocations group by document_number) m
              where m.document_number = d.number`.execute(db);
    await sql`drop index allocations_document`.execute(db);
    await sql`create index allocations_document on allocations (document_number, date) include (delta)`.execute(db);
  },
};

/** Buyers' financial statements, one row per buyer and fiscal year; a line not reported is null. */
const m004: Migration = {
  async up(db: Kysely<unknown>) {
    let t = db.schema
      .createTable('financial_statements')
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('fiscal_year', 'integer', (c) => c.notNull())
      .addColumn('period_end', 'date', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull());
    for (const line of STATEMENT_COLUMNS) t = t.addColumn(line, 'int8');
    await t.addPrimaryKeyConstraint('financial_statements_pk', ['buyer_id', 'fiscal_year']).execute();
  },
};

/** Grades as `grade run` records them: one per buyer and as-of date (history), the whole grade as JSON. */
const m005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('grades')
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 1 and 10`))
      .addColumn('pd', 'double precision', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .addPrimaryKeyConstraint('grades_pk', ['buyer_id', 'as_of'])
      .execute();
    await db.schema.createIndex('grades_as_of').on('grades').columns(['as_of', 'grade']).execute();
  },
};

/** Credit-limit events: append-only, the audit trail of every limit (who, when, why). */
const m006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('limit_events')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('request', 'approval', 'rejection', 'temporary')`),
      )
      .addColumn('amount', 'int8', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'date', (c) => c.notNull())
      .addColumn('expires_on', 'date')
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('request_id', 'int8')
      .addColumn('recorded_on', 'date', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('limit_events_buyer').on('limit_events').columns(['buyer_id', 'id']).execute();
  },
};

/** Orders (upserted: their status moves on) and manual credit holds (append-only). */
const m007: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('orders')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('amount', 'int8', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('open', 'delivered', 'invoiced', 'cancelled')`),
      )
      .execute();
    await db.schema.createIndex('orders_buyer').on('orders').columns(['buyer_id', 'status']).execute();
    await db.schema
      .createTable('credit_holds')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('hold', 'release')`))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_on', 'date', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('credit_holds_buyer').on('credit_holds').columns(['buyer_id', 'id']).execute();
  },
};

/** External grades: an insurer's grade or a bureau's score per buyer, date and source. */
const m008: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('external_grades')
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('insurer', 'bureau')`))
      .addColumn('value', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('external_grades_pk', ['buyer_id', 'date', 'source'])
      .execute();
  },
};

/**
 * Collections: buyers' letter address and interest terms; collection events (disputes, promises, plans,
 * pauses, notes), dunning letters with their items, the outbox and every delivery attempt.
 */
const m009: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('buyers')
      .addColumn('address', 'text')
      .addColumn('interest_regime', 'text')
      .addColumn('interest_rate', 'text')
      .execute();
    await db.schema
      .createTable('collection_events')
      .addColumn('seq', 'bigserial', (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text')
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('collection_events_buyer')
      .on('collection_events')
      .columns(['buyer_id', 'seq'])
      .execute();
    // An event about a thing (a promise broken, a dispute resolved) happens once.
    await db.schema
      .createIndex('collection_events_once')
      .on('collection_events')
      .columns(['kind', 'ref_id'])
      .unique()
      .where(sql.ref('ref_id'), 'is not', null)
      .execute();
    await db.schema
      .createTable('dunning_letters')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('buyer_id', KEY, (c) => c.notNull())
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('level_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('deadline', 'date', (c) => c.notNull())
      .addColumn('policy_id', 'text', (c) => c.notNull())
      .addColumn('letter', 'jsonb', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('dunning_letters_buyer').on('dunning_letters').columns(['buyer_id', 'as_of']).execute();
    await db.schema.createIndex('dunning_letters_date').on('dunning_letters').column('as_of').execute();
    await db.schema
      .createTable('dunning_letter_items')
      .addColumn('letter_id', KEY, (c) => c.notNull().references('dunning_letters.id'))
      .addColumn('document_number', KEY, (c) => c.notNull())
      .addColumn('as_of', 'date', (c) => c.notNull())
      .addColumn('level_id', 'text', (c) => c.notNull())
      .addColumn('deadline', 'date', (c) => c.notNull())
      .addPrimaryKeyConstraint('dunning_letter_items_pk', ['letter_id', 'document_number'])
      .execute();
    // A document is in at most one letter a date: two runs of one date at once cannot both letter it.
    await db.schema
      .createIndex('dunning_letter_items_document')
      .on('dunning_letter_items')
      .columns(['document_number', 'as_of'])
      .unique()
      .execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', KEY, (c) => c.primaryKey())
      .addColumn('letter_id', KEY, (c) => c.notNull().references('dunning_letters.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'print', 'case_file')`))
      .addColumn('recipient', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sending', 'sent', 'written', 'failed')`),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claimed_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'id']).execute();
    await db.schema.createIndex('outbox_letter').on('outbox').column('letter_id').execute();
    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('outbox_id', KEY, (c) => c.notNull().references('outbox.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('attempted_on', 'date', (c) => c.notNull())
      .addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('deliveries_outbox').on('deliveries').columns(['outbox_id', 'id']).execute();
  },
};

/** The statement line columns as of migration 004 (frozen here: a migration must not change later). */
const STATEMENT_COLUMNS = [
  'cash',
  'short_term_securities',
  'receivables',
  'inventory',
  'current_assets',
  'fixed_assets',
  'total_assets',
  'short_term_liabilities',
  'long_term_liabilities',
  'trade_payables',
  'equity',
  'share_capital',
  'retained_earnings',
  'sales',
  'cost_of_goods_sold',
  'gross_profit',
  'operating_profit',
  'depreciation',
  'interest_expense',
  'net_profit',
] as const;

export const migrations: MigrationProvider = {
  async getMigrations() {
    return {
      '001_ledger': m001,
      '002_document_applies_to': m002,
      '003_documents_closed_on': m003,
      '004_financial_statements': m004,
      '005_grades': m005,
      '006_limit_events': m006,
      '007_orders_and_holds': m007,
      '008_external_grades': m008,
      '009_collections': m009,
      '010_first_run': m010,
      '011_ledger_attribution': m011,
      '012_ledger_immutable': m012,
      '013_worklist_tasks': m013,
      '014_cash_applications': m014,
      '015_bulk_settlement': m015,
      '016_users': m016,
      '017_audit_log': m017,
      '018_entries_append_only': m018,
      '020_report_read_models': m020,
      '021_limit_answered_once': m021,
      '022_webhooks': m022,
      '023_jobs': m023,
      '024_overrides_and_policies': m024,
      '025_document_closings': m025,
      '026_open_documents': m026,
      '027_unapplied_by_buyer': m027,
      '028_bank_statements': m028,
      '030_credit_check_results': m030,
      '034_user_preferences': m034,
      '035_cash_application': m035,
      '040_alerts': m040,
      '045_credit_insurance': m045,
      '046_insurance_by_buyer': m046,
      '050_document_flags': m050,
      '051_forecast_models': m051,
      '055_securities': m055,
      '060_closings_first_moved': m060,
      '061_open_first_moved': m061,
      '064_daily_steps': m064,
      '067_alert_digests': m067,
      '070_document_vat': m070,
      '076_cash_forecasts': m076,
      '079_working_capital': m079,
      '082_sms': m082,
      '083_delivery_confirmations': m083,
      '084_statement_records': m084,
      '085_buyer_exclusions': m085,
      '098_open_documents_issued': m098,
      '102_daily_runs': m102,
      '103_country_risk': m103,
    };
  },
};
