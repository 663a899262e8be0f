import type { OrderCheckReads } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import type { NamedQuery } from '../engine/types';
import { toUnappliedPayment, unappliedPaymentsQuery } from '../repos/cash-applications';
import { toFxRate } from '../repos/fx-rates';
import { toRecorded } from '../repos/grades';
import { toLimitEvent } from '../repos/limits';
import { toHold, toOrder } from '../repos/orders';
import type { Database } from '../schema';
import { buyerOpenItemsQuery, toOpenItem } from './open-items';

const list = (v: unknown): never[] => (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as never[];

/**
 * Everything the credit check reads of one buyer as of a date in **one statement** (one round trip): the same
 * queries as `buyerOpenItems`, `unappliedPayments`, `ordersOf`, `limitEventsOf`, `holdsOf` and `gradesOf`, each
 * aggregated into a JSON array in its order, amounts as text (exact past 2^53), and the FX rates in force on the
 * date (per pair of currencies, the rows of its latest date: what `convert` picks from). Undefined for an unknown
 * buyer.
 * With `named` (PostgreSQL outside a transaction) it is a prepared statement, planned once per connection.
 */
export async function orderCheckReads(
  db: Kysely<Database>,
  buyerId: string,
  asOf: BusinessDate,
  named?: NamedQuery,
): Promise<OrderCheckReads | undefined> {
  const query = sql<
    Record<'known' | 'items' | 'payments' | 'orders' | 'limits' | 'holds' | 'grades' | 'rates', unknown>
  >`
    select
      exists (select 1 from buyers where id = ${buyerId}) as known,
      (select json_agg(json_build_object('number', q.number, 'buyer_id', q.buyer_id, 'type', q.type,
                'issue_date', q.issue_date, 'due_date', q.due_date, 'currency', q.currency, 'open', q.open::text)
              order by q.due_date, q.issue_date, q.number)
         from (${buyerOpenItemsQuery(buyerId, asOf)}) q) as items,
      (select json_agg(json_build_object('id', q.id, 'date', q.date, 'currency', q.currency,
                'amount', q.amount::text, 'unapplied', q.unapplied::text) order by q.date, q.id)
         from (${unappliedPaymentsQuery(buyerId, asOf)}) q) as payments,
      (select json_agg(json_build_object('id', o.id, 'buyer_id', o.buyer_id, 'date', o.date,
                'amount', o.amount::text, 'currency', o.currency, 'status', o.status) order by o.date, o.id)
         from orders o where o.buyer_id = ${buyerId}) as orders,
      (select json_agg(json_build_object('id', l.id::text, 'buyer_id', l.buyer_id, 'kind', l.kind,
                'amount', l.amount::text, 'currency', l.currency, 'valid_from', l.valid_from,
                'expires_on', l.expires_on, 'by', l.by, 'reason', l.reason, 'request_id', l.request_id::text,
                'recorded_on', l.recorded_on) order by l.id)
         from limit_events l where l.buyer_id = ${buyerId}) as limits,
      (select json_agg(json_build_object('id', h.id::text, 'buyer_id', h.buyer_id, 'action', h.action,
                'reason', h.reason, 'by', h.by, 'recorded_on', h.recorded_on) order by h.id)
         from credit_holds h where h.buyer_id = ${buyerId}) as holds,
      (select json_agg(json_build_object('buyer_id', g.buyer_id, 'as_of', g.as_of, 'detail', g.detail)
              order by g.as_of)
         from grades g where g.buyer_id = ${buyerId}) as grades,
      (select json_agg(json_build_object('date', f.date, 'from_currency', f.from_currency,
                'to_currency', f.to_currency, 'rate', f.rate::text) order by f.date, f.from_currency, f.to_currency)
         from (select r.*, max(r.date) over (partition by least(r.from_currency, r.to_currency),
                                                          greatest(r.from_currency, r.to_currency)) as latest
                 from fx_rates r where r.date <= ${asOf}::date) f
        where f.date = f.latest) as rates`;
  const rows = named ? await named('credence_order_check_reads', query.compile(db)) : (await query.execute(db)).rows;
  const r = rows[0];
  if (r === undefined || r.known !== true) return undefined;
  return {
    openItems: list(r.items).map(toOpenItem),
    payments: list(r.payments).map(toUnappliedPayment),
    orders: list(r.orders).map(toOrder),
    limitEvents: list(r.limits).map(toLimitEvent),
    holds: list(r.holds).map(toHold),
    grades: list(r.grades).map(toRecorded),
    fxRates: list(r.rates).map(toFxRate),
  };
}
