import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Monitoring's notifications (issue 14): the alert rules become a policy kind (`policy set alerts`), and every
 * alert digest e-mailed is recorded, one per person and date (`sendAlertDigests` sends each once).
 */
export const m067: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table policy_versions drop constraint if exists policy_versions_kind_check`.execute(db);
    await sql`alter table policy_versions add constraint policy_versions_kind_check
      check (kind in ('grading', 'limit', 'check', 'dunning', 'cash', 'alerts'))`.execute(db);
    await db.schema
      .createTable('alert_digests')
      .addColumn('recipient', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('date', 'date', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'zh-CN', 'zh-TW')`))
      .addColumn('alert_keys', 'jsonb', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sending', 'sent', 'failed')`))
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_digests_pk', ['recipient', 'date'])
      .execute();
  },
};
