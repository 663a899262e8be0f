import { defaultKpiFrom } from '@credence/app';
import {
  addDays,
  type BehaviourSums,
  type BusinessDate,
  COUNTBACK_MONTHS,
  type CurrencyCode,
  type KpiInputs,
  monthWindows,
} from '@credence/core';
import type { DuckDBConnection } from '@duckdb/node-api';

/** What `reportKpis` reads from the store, computed by DuckDB from the same rows. */
export interface DuckKpis {
  readonly inputs: KpiInputs[];
  readonly behaviour: BehaviourSums[];
}

const SIGNED = `(case when d.type = 'credit_note' then -d.amount else d.amount end)`;
const big = (v: unknown): bigint => BigInt(String(v ?? 0));

/**
 * The KPI inputs per currency (as core `kpiInputsFromItems`) and the payment-behaviour sums per buyer and
 * currency (as core `behaviourSums` over `paymentSettlements`) as of `asOf`, over the default period of
 * `reportKpis`: balances as of `asOf` and the day before the period, sales of the period and of the 24
 * countback windows, and each payment's net settlement of each invoice in the period. Three queries.
 */
export async function duckKpis(conn: DuckDBConnection, asOf: BusinessDate): Promise<DuckKpis> {
  const from = defaultKpiFrom(asOf);
  const before = addDays(from, -1);
  const A = `DATE '${asOf}'`;
  const F = `DATE '${from}'`;
  const B = `DATE '${before}'`;
  const balances = await conn.runAndReadAll(`
    with m as (select document_number, sum(delta) as m_now, sum(delta) filter (where date <= ${B}) as m_before
               from allocations where date <= ${A} group by document_number)
    select d.currency,
           sum(${SIGNED} + coalesce(m.m_now, 0)) as total_ar,
           coalesce(sum(${SIGNED} + coalesce(m.m_now, 0)) filter (where d.due_date >= ${A}), 0) as current_ar,
           coalesce(sum(${SIGNED} + coalesce(m.m_before, 0)) filter (where d.issue_date <= ${B}), 0) as beginning_ar,
           coalesce(sum(${SIGNED}) filter (where d.issue_date >= ${F}), 0) as credit_sales
    from documents d left join m on m.document_number = d.number
    where d.issue_date <= ${A}
    group by d.currency order by d.currency`);
  const windows = monthWindows(asOf, COUNTBACK_MONTHS);
  const values = windows.map((w, k) => `(${k}, DATE '${w.from}', DATE '${w.to}')`).join(', ');
  const monthly = await conn.runAndReadAll(`
    select d.currency, w.k, sum(${SIGNED}) as sales
    from documents d join (values ${values}) w(k, f, t) on d.issue_date between w.f and w.t
    group by 1, 2`);
  const sales = new Map(monthly.getRowObjects().map((r) => [`${String(r.currency)}/${Number(r.k)}`, big(r.sales)]));
  const inputs = balances.getRowObjects().map((r) => {
    const currency = String(r.currency) as CurrencyCode;
    return {
      currency,
      from,
      asOf,
      totalAr: big(r.total_ar),
      currentAr: big(r.current_ar),
      beginningAr: big(r.beginning_ar),
      creditSales: big(r.credit_sales),
      monthlySales: windows.map((w, k) => ({ ...w, sales: sales.get(`${currency}/${k}`) ?? 0n })),
    };
  });
  const settled = await conn.runAndReadAll(`
    with net as (
      select entry_id, document_number, -sum(delta) as settled, min(date) filter (where delta < 0) as paid_on
      from allocations where kind = 'payment' and date between ${F} and ${A}
      group by entry_id, document_number)
    select d.buyer_id, d.currency, sum(n.settled) as settled_amount, count(*) as settlements,
           sum(n.settled * (n.paid_on - d.issue_date)) as amount_days_to_pay,
           sum(n.settled * greatest(0, n.paid_on - d.due_date)) as amount_days_late,
           count(*) filter (where n.paid_on > d.due_date) as late_settlements,
           max(greatest(0, n.paid_on - d.due_date)) as max_days_late
    from net n join documents d on d.number = n.document_number and d.type = 'invoice'
    where n.settled > 0 and n.paid_on >= ${F}
    group by 1, 2 order by 1, 2`);
  const behaviour = settled.getRowObjects().map((r) => ({
    buyerId: String(r.buyer_id),
    currency: String(r.currency) as CurrencyCode,
    settledAmount: big(r.settled_amount),
    settlements: Number(r.settlements),
    amountTimesDaysToPay: big(r.amount_days_to_pay),
    amountTimesDaysLate: big(r.amount_days_late),
    lateSettlements: Number(r.late_settlements),
    maxDaysLate: Number(r.max_days_late ?? 0),
  }));
  return { inputs, behaviour };
}
