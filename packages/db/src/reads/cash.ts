import type { OverdueBuyer } from '@credence/app';
import type { BusinessDate, CurrencyCode } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, toBig } from '../convert';
import type { Database } from '../schema';
import { openAsOf } from './open-items';

/**
 * Cash received by `asOf` and not applied by then: payments dated ≤ asOf that no reversal dated
 * ≤ asOf undid, plus the (negative) deltas of their allocation rows dated ≤ asOf. Non-zero only.
 * A payment whose `applied_on` is on or before `asOf` leaves nothing and is skipped without reading its
 * rows, so the work follows the payments that may leave cash at the date, not the size of the ledger; so is
 * one applied on its own date, and the others are found in the index `payments_unapplied` (migration 020).
 */
export async function unappliedCash(
  db: Kysely<Database>,
  asOf: BusinessDate,
): Promise<{ buyerId: string; currency: CurrencyCode; amount: bigint }[]> {
  const { rows } = await sql<{ buyer_id: string; currency: string; amount: unknown }>`
    select p.buyer_id, p.currency, sum(p.amount + coalesce(m.moved, 0)) as amount
    from payments p
    left join lateral (select sum(a.delta) as moved from allocations a
                       where a.kind = 'payment' and a.entry_id = p.id and a.date <= ${asOf}::date) m on true
    where p.date <= ${asOf}::date and (p.applied_on is null or p.applied_on > ${asOf}::date)
        and (p.applied_on is null or p.applied_on > p.date)
      and not exists (select 1 from reversals r
                      where r.kind = 'payment' and r.target_id = p.id and r.date <= ${asOf}::date)
    group by p.buyer_id, p.currency
    having sum(p.amount + coalesce(m.moved, 0)) <> 0
    order by p.buyer_id, p.currency`.execute(db);
  return rows.map((r) => ({ buyerId: r.buyer_id, currency: asCurrency(r.currency), amount: toBig(r.amount) }));
}

interface OverdueRow {
  buyer_id: string;
  name: string;
  currency: string;
  overdue: unknown;
  open: unknown;
  oldest: number | null;
}

/**
 * Buyers (per currency) with the most overdue as of `asOf`: overdue = open balance of items past
 * their due date (credit notes included, as in the aging), oldest = days overdue of the oldest
 * past-due item still owed. Amounts of different currencies are ranked by their minor units.
 */
export async function topOverdue(db: Kysely<Database>, asOf: BusinessDate, limit: number): Promise<OverdueBuyer[]> {
  const { rows } = await sql<OverdueRow>`
    select o.buyer_id, coalesce(b.name, o.buyer_id) as name, o.currency,
           sum(o.open) filter (where o.due_date < ${asOf}::date) as overdue,
           sum(o.open) as open,
           max(${asOf}::date - o.due_date) filter (where o.due_date < ${asOf}::date and o.open > 0) as oldest
    from (${openAsOf(asOf)}) o
    left join buyers b on b.id = o.buyer_id
    where o.open <> 0
    group by o.buyer_id, b.name, o.currency
    having sum(o.open) filter (where o.due_date < ${asOf}::date) > 0
    order by 4 desc, 1, 3
    limit ${sql.lit(Math.max(0, Math.trunc(limit)))}`.execute(db);
  return rows.map((r) => ({
    buyerId: r.buyer_id,
    name: r.name,
    currency: asCurrency(r.currency),
    overdue: toBig(r.overdue),
    open: toBig(r.open),
    oldestDaysOverdue: Number(r.oldest ?? 0),
  }));
}
