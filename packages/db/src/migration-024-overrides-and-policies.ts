import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Issue 12, item 5: two writes that change risk and were not writes of the product before.
 *
 * `grade_overrides`: a credit manager's override of a buyer's computed grade (grade, its tier and PD under the
 * policy of the day, optional `until`) or its removal (`clear`), with who and why. Append-only: a removal is a
 * new row, so the history stays.
 *
 * `policy_versions`: a policy (grading, limit, order check, dunning) stored through the product, a new version
 * per change with who, when and why; the runtime reads the newest version of a kind when there is one, else the
 * shipped file (docs/ARCHITECTURE.md, "Policies"). Append-only: earlier versions are kept.
 */
export const m024: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('grade_overrides')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('buyer_id', sql`text collate "C"`, (c) => c.notNull().references('buyers.id'))
      .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('override', 'clear')`))
      .addColumn('grade', 'integer', (c) => c.check(sql`grade between 1 and 10`))
      .addColumn('tier', 'text', (c) => c.check(sql`tier in ('low', 'medium', 'high')`))
      .addColumn('pd', 'float8')
      .addColumn('until', 'date')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_on', 'date', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .addCheckConstraint(
        'grade_overrides_shape',
        sql`(action = 'override' and grade is not null and tier is not null and pd is not null)
            or (action = 'clear' and grade is null and tier is null and pd is null and until is null)`,
      )
      .execute();
    await db.schema.createIndex('grade_overrides_buyer').on('grade_overrides').columns(['buyer_id', 'id']).execute();
    await db.schema
      .createTable('policy_versions')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('grading', 'limit', 'check', 'dunning')`))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('body', 'jsonb', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('policy_versions_kind_version', ['kind', 'version'])
      .execute();
    for (const table of ['grade_overrides', 'policy_versions'])
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function credence_append_only()`.execute(db);
  },
};
