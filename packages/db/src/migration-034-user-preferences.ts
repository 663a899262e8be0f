import { type Kysely, type Migration, sql } from 'kysely';

/**
 * A user's preferences (issue 13: the workspace's language is remembered per user, not per browser). Kept
 * apart from `users`, whose rows only ever get revoked (migration 018): a preference is changed in place, and
 * each change is a row of the audit trail.
 */
export const m034: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('user_preferences')
      .addColumn('user_name', sql`text collate "C"`, (c) => c.primaryKey().references('users.name'))
      .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'zh-CN', 'zh-TW')`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
  },
};
