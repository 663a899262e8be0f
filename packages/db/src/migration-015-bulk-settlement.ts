import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Bulk settlement. Documents are written once and updated once more, when `closed_on` is set (a payment
 * import closes most of what an invoice import wrote): half-empty pages let that update stay on the
 * row's page without touching the three indexes (a heap-only tuple), about a third of its cost. Applies to
 * pages written from now on (a `VACUUM FULL documents` rewrites the old ones).
 * `payments.applied_on`, the twin of `closed_on` for unapplied cash (see `refreshAppliedOn`), so the
 * as-of sum of unapplied cash reads the payments that may still leave some, not every payment and row.
 */
export const m015: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table documents set (fillfactor = 50)`.execute(db);
    await db.schema.alterTable('payments').addColumn('applied_on', 'date').execute();
    // As `refreshAppliedOn` defines it, for every stored payment.
    await sql`update payments p
              set applied_on = case when r.date is not null then greatest(r.date, p.date, m.last)
                                    when p.amount + coalesce(m.moved, 0) = 0 then greatest(p.date, m.last) end
              from payments q
              left join (select a.entry_id, sum(a.delta) as moved, max(a.date) as last from allocations a
                         where a.kind = 'payment' group by a.entry_id) m on m.entry_id = q.id
              left join reversals r on r.kind = 'payment' and r.target_id = q.id
              where q.id = p.id`.execute(db);
  },
};
