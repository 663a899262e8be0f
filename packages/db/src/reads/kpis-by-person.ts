import type { KpiMonth, KpiPerson, PersonKpiRow } from '@credence/app';
import { addDays } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, toBig } from '../convert';
import type { Database } from '../schema';
import { SIGNED } from './open-items';

interface Row {
  person: string;
  currency: string;
  k: number | string;
  total_ar: unknown;
  current_ar: unknown;
  beginning_ar: unknown;
  credit_sales: unknown;
  collected: unknown;
}

/**
 * KPI inputs per person (the buyers' sales owner or collector), currency and month, in one grouped statement: every
 * document that may be open at some month's start or end (not closed for good before the month's eve) crossed with
 * the months, with its allocations summed once per month (as `kpiInputs`, per month and person).
 */
export async function personKpiInputs(
  db: Kysely<Database>,
  by: KpiPerson,
  months: readonly KpiMonth[],
): Promise<PersonKpiRow[]> {
  if (months.length === 0) return [];
  const person = by === 'sales_owner' ? sql`b.sales_owner` : sql`b.collector`;
  const { rows } = await sql<Row>`
    with m as (
      select w.f, w.t, w.e, w.k from unnest(${months.map((x) => x.from)}::date[], ${months.map((x) => x.to)}::date[],
        ${months.map((x) => addDays(x.from, -1))}::date[]) with ordinality as w(f, t, e, k)
    )
    select coalesce(${person}, '') as person, d.currency, m.k,
      coalesce(sum(${SIGNED} + coalesce(x.now, 0)), 0) as total_ar,
      coalesce(sum(${SIGNED} + coalesce(x.now, 0)) filter (where d.due_date >= m.t), 0) as current_ar,
      coalesce(sum(${SIGNED} + coalesce(x.before, 0)) filter (where d.issue_date <= m.e), 0) as beginning_ar,
      coalesce(sum(${SIGNED}) filter (where d.issue_date >= m.f), 0) as credit_sales,
      coalesce(sum(x.collected), 0) as collected
    from documents d
    join buyers b on b.id = d.buyer_id
    join m on d.issue_date <= m.t
    left join document_closings c on c.number = d.number
    left join lateral (
      select sum(a.delta) as now,
        sum(a.delta) filter (where a.date <= m.e) as before,
        -sum(a.delta) filter (where a.kind = 'payment' and a.date >= m.f and d.type = 'invoice') as collected
      from allocations a where a.document_number = d.number and a.date <= m.t
    ) x on true
    where c.closed_on is null or c.closed_on > m.e
    group by 1, 2, 3
    order by 1, 2, 3`.execute(db);
  return rows.map((r) => ({
    person: r.person,
    currency: asCurrency(r.currency),
    month: Number(r.k) - 1,
    totalAr: toBig(r.total_ar),
    currentAr: toBig(r.current_ar),
    beginningAr: toBig(r.beginning_ar),
    creditSales: toBig(r.credit_sales),
    collected: toBig(r.collected),
  }));
}
