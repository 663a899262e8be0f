import { addDays, type BusinessDate, COUNTBACK_MONTHS, type KpiInputs, monthWindows } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, toBig } from '../convert';
import type { Database } from '../schema';
import { MAY_HAVE_MOVED, MAYBE_OPEN_DOCUMENTS, SIGNED } from './open-items';

interface TotalsRow {
  currency: string;
  total_ar: unknown;
  current_ar: unknown;
  beginning_ar: unknown;
}

interface SalesRow {
  currency: string;
  credit_sales: unknown;
}

/**
 * KPI inputs per currency, as core `kpiInputsFromItems`, for every currency with a document issued
 * on or before `asOf`. Balances come from the documents that may be open on the day before `from`
 * or on `asOf` (a document closed by the day before `from` is zero on both dates); sales from the daily
 * sums of `sales_daily` (migration 020), a few thousand rows instead of every document.
 */
export async function kpiInputs(db: Kysely<Database>, from: BusinessDate, asOf: BusinessDate): Promise<KpiInputs[]> {
  const before = addDays(from, -1);
  const sold = await sql<SalesRow>`
    select s.currency, coalesce(sum(s.amount) filter (where s.issue_date >= ${from}::date), 0) as credit_sales
    from sales_daily s
    where s.issue_date <= ${asOf}::date
    group by s.currency
    order by s.currency`.execute(db);
  if (sold.rows.length === 0) return [];
  // Only the balances the read needs are probed, and only where rows may have moved them: as of `asOf` the documents
  // not closed by then (`live`), as of `before` the ones issued by then (`began`). Most documents that may be open
  // on either date were issued and closed inside the period: zero on both dates, they are never probed.
  const live = sql`d.closed_on > ${asOf}::date`;
  const began = sql`d.issue_date <= ${before}::date`;
  const balances = await sql<TotalsRow>`
    select d.currency,
      coalesce(sum(${SIGNED} + coalesce(m.m_now, 0)) filter (where ${live}), 0) as total_ar,
      coalesce(sum(${SIGNED} + coalesce(m.m_now, 0)) filter (where ${live} and d.due_date >= ${asOf}::date), 0) as current_ar,
      coalesce(sum(${SIGNED} + coalesce(m.m_before, 0)) filter (where ${began}), 0) as beginning_ar
    from ${MAYBE_OPEN_DOCUMENTS(asOf, before)} d
    left join lateral (
      select sum(a.delta) as m_now, sum(a.delta) filter (where a.date <= ${before}::date) as m_before
      from allocations a where a.document_number = d.number and a.date <= ${asOf}::date
        and ((${live} and ${MAY_HAVE_MOVED(asOf)}) or (${began} and ${MAY_HAVE_MOVED(before)}))
    ) m on true
    group by d.currency`.execute(db);
  const totals = new Map(balances.rows.map((r) => [r.currency, r]));
  const rows = sold.rows.map((r) => ({ ...r, ...totals.get(r.currency) }));

  const windows = monthWindows(asOf, COUNTBACK_MONTHS);
  const monthly = await sql<{ currency: string; k: number; sales: unknown }>`
    select s.currency, w.k, sum(s.amount) as sales
    from sales_daily s
    join unnest(${windows.map((w) => w.from)}::date[], ${windows.map((w) => w.to)}::date[]) with ordinality
         as w(f, t, k) on s.issue_date between w.f and w.t
    group by 1, 2`.execute(db);
  const sales = new Map(monthly.rows.map((r) => [`${r.currency}\u0000${Number(r.k) - 1}`, toBig(r.sales)]));

  return rows.map((r) => ({
    currency: asCurrency(r.currency),
    from,
    asOf,
    totalAr: toBig(r.total_ar),
    currentAr: toBig(r.current_ar),
    beginningAr: toBig(r.beginning_ar),
    creditSales: toBig(r.credit_sales),
    monthlySales: windows.map((w, k) => ({ ...w, sales: sales.get(`${r.currency}\u0000${k}`) ?? 0n })),
  }));
}
