import { addDays, type BusinessDate, COUNTBACK_MONTHS, type KpiInputs, monthWindows } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, toBig } from '../convert';
import type { Database } from '../schema';
import { SIGNED } from './open-items';

interface TotalsRow {
  currency: string;
  total_ar: unknown;
  current_ar: unknown;
  beginning_ar: unknown;
  credit_sales: unknown;
}

/**
 * KPI inputs per currency, as core `kpiInputsFromItems`, for every currency with a document issued
 * on or before `asOf`. One pass over documents for the balances, one for the countback windows.
 */
export async function kpiInputs(db: Kysely<Database>, from: BusinessDate, asOf: BusinessDate): Promise<KpiInputs[]> {
  const before = addDays(from, -1);
  const { rows } = await sql<TotalsRow>`
    select d.currency,
      coalesce(sum(${SIGNED} + coalesce(m.m_now, 0)) filter (where d.issue_date <= ${asOf}::date), 0) as total_ar,
      coalesce(sum(${SIGNED} + coalesce(m.m_now, 0))
        filter (where d.issue_date <= ${asOf}::date and d.due_date >= ${asOf}::date), 0) as current_ar,
      coalesce(sum(${SIGNED} + coalesce(m.m_before, 0)) filter (where d.issue_date <= ${before}::date), 0) as beginning_ar,
      coalesce(sum(${SIGNED}) filter (where d.issue_date between ${from}::date and ${asOf}::date), 0) as credit_sales
    from documents d
    left join (
      select document_number,
             sum(delta) filter (where date <= ${asOf}::date) as m_now,
             sum(delta) filter (where date <= ${before}::date) as m_before
      from allocations group by document_number
    ) m on m.document_number = d.number
    group by d.currency
    having count(*) filter (where d.issue_date <= ${asOf}::date) > 0
    order by d.currency`.execute(db);
  if (rows.length === 0) return [];

  const windows = monthWindows(asOf, COUNTBACK_MONTHS);
  const values = sql.join(windows.map((w, k) => sql`(${sql.lit(k)}, ${w.from}::date, ${w.to}::date)`));
  const monthly = await sql<{ currency: string; k: number; sales: unknown }>`
    select d.currency, w.k, sum(${SIGNED}) as sales
    from documents d join (values ${values}) as w(k, f, t) on d.issue_date between w.f and w.t
    group by d.currency, w.k`.execute(db);
  const sales = new Map(monthly.rows.map((r) => [`${r.currency}\u0000${Number(r.k)}`, toBig(r.sales)]));

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
