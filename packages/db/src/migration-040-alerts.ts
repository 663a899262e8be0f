import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Alerts (issue 14, docs/domain/monitoring.md): one row per key (rule + buyer [+ document]), changed in place by
 * each evaluation and by people (acknowledge, snooze, resolve); every change is a row of the audit trail.
 */
export const m040: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('alerts')
      .addColumn('key', sql`text collate "C"`, (c) => c.primaryKey())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id'))
      .addColumn('document', 'text')
      .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('info', 'warning', 'critical')`))
      .addColumn('figures', 'jsonb', (c) => c.notNull())
      .addColumn('measure', 'numeric', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('open', 'acknowledged', 'snoozed', 'resolved')`),
      )
      .addColumn('first_seen', 'date', (c) => c.notNull())
      .addColumn('last_seen', 'date', (c) => c.notNull())
      .addColumn('snoozed_until', 'date')
      .addColumn('resolution', 'text', (c) => c.check(sql`resolution in ('cleared', 'manual')`))
      .addColumn('resolved_on', 'date')
      .addColumn('note', 'text')
      .addCheckConstraint('alerts_snoozed_until', sql`(state = 'snoozed') = (snoozed_until is not null)`)
      .addCheckConstraint('alerts_resolved', sql`(state = 'resolved') = (resolution is not null)`)
      .execute();
    await db.schema.createIndex('alerts_by_state').on('alerts').columns(['state', 'key']).execute();
  },
};
