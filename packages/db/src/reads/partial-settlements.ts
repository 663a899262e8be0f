import type { PartialSettlements } from '@credence/app/monitoring';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { toCount } from '../convert';
import type { Database } from '../schema';

/**
 * `MonitoringReads.partialSettlements`: per buyer, the invoice settlements paid in [from, asOf] (as
 * `behaviourSums` counts them: a payment's allocation rows on one invoice, netted) and how many of them were
 * partial (the payment settled less than the invoice's face value). One query for the whole portfolio.
 */
export async function partialSettlements(
  db: Kysely<Database>,
  from: BusinessDate,
  asOf: BusinessDate,
): Promise<PartialSettlements[]> {
  const { rows } = await sql<{ buyer_id: string; settlements: unknown; partial: unknown }>`
    with net as (
      select a.entry_id, a.document_number, -sum(a.delta) as settled, min(a.date) filter (where a.delta < 0) as paid_on
      from allocations a
      where a.kind = 'payment' and a.date between ${from}::date and ${asOf}::date
      group by a.entry_id, a.document_number
    )
    select d.buyer_id, count(*) as settlements, count(*) filter (where n.settled < d.amount) as partial
    from net n join documents d on d.number = n.document_number and d.type = 'invoice'
    where n.settled > 0 and n.paid_on >= ${from}::date
    group by d.buyer_id order by d.buyer_id`.execute(db);
  return rows.map((r) => ({ buyerId: r.buyer_id, settlements: toCount(r.settlements), partial: toCount(r.partial) }));
}
