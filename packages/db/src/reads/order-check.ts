import type { OrderCheckReads } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { batcher } from '../batcher';
import { asDate } from '../convert';
import type { NamedQuery } from '../engine/types';
import { toUnappliedPayment, unappliedPaymentsQuery } from '../repos/cash-applications';
import { toFxRate } from '../repos/fx-rates';
import { toOverride } from '../repos/grade-overrides';
import { toRecorded } from '../repos/grades';
import { toLimitEvent } from '../repos/limits';
import { toHold, toOrder } from '../repos/orders';
import { securityJson, toSecurityEvent } from '../repos/securities';
import type { Database } from '../schema';
import { buyerOpenItemsQuery, toOpenItem } from './open-items';

const list = (v: unknown): never[] => (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as never[];

type Row = Record<
  | 'i'
  | 'known'
  | 'items'
  | 'payments'
  | 'orders'
  | 'limits'
  | 'holds'
  | 'grades'
  | 'overrides'
  | 'securities'
  | 'first_invoice'
  | 'insured'
  | 'rates',
  unknown
>;

/** One check's key in the statement: the buyer and the date, columns of `k`. */
const BUYER = sql<string>`k.buyer_id`;
const AS_OF = sql<BusinessDate>`k.as_of`;

/**
 * Everything the credit check reads of **several** buyers, each as of its date, in **one statement** (one round
 * trip): per key (`k`, in the order given, `i` from 1) the same queries as `buyerOpenItems`, `unappliedPayments`,
 * `ordersOf`, `limitEventsOf`, `holdsOf`, `gradesOf`, `gradeOverridesOf` and `securityEventsOf`, and the first
 * invoice issued by the date (a new buyer's probation), each aggregated into a JSON array in its order, amounts as
 * text (exact past 2^53); and the FX rates in force on the date (per pair of currencies, the rows of its latest
 * date: what `convert` picks from), computed once per date of the batch. The text does not depend on the number of
 * keys: one prepared statement serves every batch.
 */
const statement = (buyerIds: readonly string[], dates: readonly BusinessDate[]) => sql<Row>`
    with k as (select * from unnest(${buyerIds}::text[], ${dates}::date[]) with ordinality as k(buyer_id, as_of, i)),
    fx as (
      select d.as_of,
             json_agg(json_build_object('date', f.date, 'from_currency', f.from_currency,
                'to_currency', f.to_currency, 'rate', f.rate::text) order by f.date, f.from_currency, f.to_currency)
               as rates
        from (select distinct as_of from k) d
        join lateral (select r.*, max(r.date) over (partition by least(r.from_currency, r.to_currency),
                                                                  greatest(r.from_currency, r.to_currency)) as latest
                        from fx_rates r where r.date <= d.as_of) f on f.date = f.latest
       group by d.as_of)
    select
      k.i,
      -- A scalar subquery, probed by the key (an exists here may become a hashed scan of every buyer).
      (select true from buyers b where b.id = ${BUYER}) as known,
      (select json_agg(json_build_object('number', q.number, 'buyer_id', q.buyer_id, 'type', q.type,
                'issue_date', q.issue_date, 'due_date', q.due_date, 'currency', q.currency, 'open', q.open::text)
              order by q.due_date, q.issue_date, q.number)
         from (${buyerOpenItemsQuery(BUYER, AS_OF)}) q) as items,
      (select json_agg(json_build_object('id', q.id, 'date', q.date, 'currency', q.currency,
                'amount', q.amount::text, 'unapplied', q.unapplied::text) order by q.date, q.id)
         from (${unappliedPaymentsQuery(BUYER, AS_OF)}) q) as payments,
      (select json_agg(json_build_object('id', o.id, 'buyer_id', o.buyer_id, 'date', o.date,
                'amount', o.amount::text, 'currency', o.currency, 'status', o.status) order by o.date, o.id)
         from orders o where o.buyer_id = ${BUYER}) as orders,
      (select json_agg(json_build_object('id', l.id::text, 'buyer_id', l.buyer_id, 'kind', l.kind,
                'amount', l.amount::text, 'currency', l.currency, 'valid_from', l.valid_from,
                'expires_on', l.expires_on, 'by', l.by, 'reason', l.reason, 'request_id', l.request_id::text,
                'recorded_on', l.recorded_on) order by l.id)
         from limit_events l where l.buyer_id = ${BUYER}) as limits,
      (select json_agg(json_build_object('id', h.id::text, 'buyer_id', h.buyer_id, 'action', h.action,
                'reason', h.reason, 'by', h.by, 'recorded_on', h.recorded_on) order by h.id)
         from credit_holds h where h.buyer_id = ${BUYER}) as holds,
      (select json_agg(json_build_object('buyer_id', g.buyer_id, 'as_of', g.as_of, 'detail', g.detail)
              order by g.as_of)
         from grades g where g.buyer_id = ${BUYER}) as grades,
      (select json_agg(json_build_object('id', o.id::text, 'buyer_id', o.buyer_id, 'action', o.action,
                'grade', o.grade, 'tier', o.tier, 'pd', o.pd, 'until', o.until, 'reason', o.reason, 'by', o.by,
                'recorded_on', o.recorded_on) order by o.id)
         from grade_overrides o where o.buyer_id = ${BUYER}) as overrides,
      (select json_agg(${securityJson('s')} order by s.id)
         from security_events s where s.buyer_id = ${BUYER}) as securities,
      (select min(d.issue_date)::text from documents d
        where d.buyer_id = ${BUYER} and d.type = 'invoice' and d.issue_date <= ${AS_OF}) as first_invoice,
      exists (select 1 from insurance_events e where e.buyer_id = ${BUYER}) as insured,
      fx.rates
    from k left join fx on fx.as_of = k.as_of`;

function readsOf(r: Row | undefined): OrderCheckReads | undefined {
  if (r === undefined || r.known !== true) return undefined;
  return {
    openItems: list(r.items).map(toOpenItem),
    payments: list(r.payments).map(toUnappliedPayment),
    orders: list(r.orders).map(toOrder),
    limitEvents: list(r.limits).map(toLimitEvent),
    holds: list(r.holds).map(toHold),
    grades: list(r.grades).map(toRecorded),
    overrides: list(r.overrides).map(toOverride),
    securities: list(r.securities).map(toSecurityEvent),
    ...(r.first_invoice !== null && r.first_invoice !== undefined
      ? { firstInvoice: asDate(String(r.first_invoice)) }
      : {}),
    insured: r.insured === true,
    fxRates: list(r.rates).map(toFxRate),
  };
}

export interface OrderCheckKey {
  readonly buyerId: string;
  readonly asOf: BusinessDate;
}

/**
 * The credit check's reads of each key (undefined for an unknown buyer), in one statement; with `named`
 * (PostgreSQL outside a transaction) a prepared statement, planned once per connection.
 */
export async function orderCheckReadsOf(
  db: Kysely<Database>,
  keys: readonly OrderCheckKey[],
  named?: NamedQuery,
): Promise<(OrderCheckReads | undefined)[]> {
  const query = statement(
    keys.map((k) => k.buyerId),
    keys.map((k) => k.asOf),
  );
  const rows = named ? await named('credence_order_check_reads', query.compile(db)) : (await query.execute(db)).rows;
  const byKey = new Map(rows.map((r) => [Number(r.i), r]));
  return keys.map((_, i) => readsOf(byKey.get(i + 1)));
}

/** What the credit check reads of one buyer as of a date (`LedgerReads.orderCheckReads`), in one statement. */
export async function orderCheckReads(
  db: Kysely<Database>,
  buyerId: string,
  asOf: BusinessDate,
  named?: NamedQuery,
): Promise<OrderCheckReads | undefined> {
  return (await orderCheckReadsOf(db, [{ buyerId, asOf }], named))[0];
}

/**
 * The credit checks of concurrent requests, read together (issue 12, `batcher`): while fewer than `inFlight`
 * statements run, a check's reads are sent at once, alone; when all run, the checks that arrive wait and go as
 * **one** statement (up to `maxBatch` keys) as soon as one returns. Under load a round trip serves several checks;
 * alone, a check waits for nothing. Every caller gets its own buyer's reads, as `orderCheckReads` would give them.
 */
export function orderCheckBatcher(
  db: Kysely<Database>,
  named: NamedQuery,
  options: { readonly inFlight: number; readonly maxBatch: number },
): (buyerId: string, asOf: BusinessDate) => Promise<OrderCheckReads | undefined> {
  const read = batcher<OrderCheckKey, OrderCheckReads | undefined>(
    (keys) => orderCheckReadsOf(db, keys, named),
    options,
  );
  return (buyerId, asOf) => read({ buyerId, asOf });
}
