import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The audit trail (issue 12): who, when (the writer's clock), from where (cli or api, and the API token's id),
 * what (action on an entity) and why (the domain's reason). The store writes it in the same transaction as the
 * change. Append-only: UPDATE and DELETE raise an exception.
 */
export const m017: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('cli', 'api')`))
      .addColumn('token_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_kind', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('entity_id', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_kind', 'entity_id']).execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor', 'at']).execute();
    await sql`
      create function credence_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % is not allowed (record a new entry instead)', tg_table_name, tg_op
          using errcode = 'restrict_violation';
      end $$`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function credence_append_only()`.execute(db);
  },
};
