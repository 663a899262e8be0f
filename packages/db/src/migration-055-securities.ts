import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 18, item 2: a buyer's securities — guarantees (guarantor, amount, expiry), letters of credit, retention
 * of title (a clause, no amount) — as append-only events: `add` with the terms, `end` when one is released
 * before its expiry, each with who and why. A security's reference is unique per buyer (one `add`, at most one
 * `end`). The order check reads a buyer's events in its one statement (`security_events_buyer`).
 */
export const m055: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('security_events')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('buyer_id', sql`text collate "C"`, (c) => c.notNull().references('buyers.id'))
      .addColumn('security_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('add', 'end')`))
      .addColumn('kind', 'text', (c) => c.check(sql`kind in ('guarantee', 'letter_of_credit', 'retention_of_title')`))
      .addColumn('issuer', 'text')
      .addColumn('amount', 'int8', (c) => c.check(sql`amount > 0`))
      .addColumn('currency', 'text')
      .addColumn('valid_from', 'date')
      .addColumn('expires_on', 'date')
      .addColumn('contract', 'text')
      .addColumn('ends_on', 'date')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_on', 'date', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .addCheckConstraint(
        'security_events_shape',
        sql`(action = 'add' and kind is not null and issuer is not null and valid_from is not null
              and ends_on is null and (amount is null) = (currency is null)
              and (kind = 'retention_of_title' or amount is not null)
              and (expires_on is null or expires_on >= valid_from))
            or (action = 'end' and kind is null and amount is null and ends_on is not null)`,
      )
      .addUniqueConstraint('security_events_once', ['buyer_id', 'security_id', 'action'])
      .execute();
    await db.schema.createIndex('security_events_buyer').on('security_events').columns(['buyer_id', 'id']).execute();
    await sql`create trigger security_events_append_only before update or delete on security_events
      for each row execute function credence_append_only()`.execute(db);
  },
};
