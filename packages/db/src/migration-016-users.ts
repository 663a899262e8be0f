import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Users and their API tokens (issue 12). A user has one role; revoking sets `revoked_at` (the row stays: the
 * audit trail names it). A token is kept only as the SHA-256 of it (hex): tokens are 256 random bits, so a
 * fast hash suffices, and the lookup on each request is one index probe.
 */
export const m016: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('name', sql`text collate "C"`, (c) => c.primaryKey())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('admin', 'credit_manager', 'collector', 'sales', 'erp')`),
      )
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', sql`text collate "C"`, (c) => c.primaryKey())
      .addColumn('user_name', sql`text collate "C"`, (c) => c.notNull().references('users.name'))
      .addColumn('hash', sql`text collate "C"`, (c) => c.notNull().unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_name').execute();
  },
};
