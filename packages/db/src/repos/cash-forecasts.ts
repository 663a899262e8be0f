import type { DailyReceipts, StoredCashForecast } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate } from '../convert';
import type { Database } from '../schema';

/** Payments dated in [from, to], not reversed on or before `to`, per date and currency. */
export async function receiptsBetween(
  db: Kysely<Database>,
  from: BusinessDate,
  to: BusinessDate,
): Promise<DailyReceipts[]> {
  const { rows } = await sql<{ date: string; currency: string; amount: string | bigint }>`
    select p.date, p.currency, sum(p.amount)::int8 as amount
    from payments p
    where p.date between ${from}::date and ${to}::date
      and not exists (select 1 from reversals r where r.kind = 'payment' and r.target_id = p.id and r.date <= ${to}::date)
    group by p.date, p.currency
    order by p.date, p.currency`.execute(db);
  return rows.map((r) => ({ date: asDate(r.date), currency: asCurrency(r.currency), amount: BigInt(r.amount) }));
}

interface RunRow {
  id: number;
  as_of: string;
  currency: string;
  method: string;
  by: string;
  recorded_at: Date | string;
}

interface WeekRow {
  forecast_id: number;
  week_start: string;
  week_end: string;
  low: string | bigint;
  mid: string | bigint;
  high: string | bigint;
}

export async function cashForecastRuns(db: Kysely<Database>): Promise<StoredCashForecast[]> {
  const runs =
    await sql<RunRow>`select id, as_of, currency, method, by, recorded_at from cash_forecasts order by id`.execute(db);
  const weeks = await sql<WeekRow>`
    select forecast_id, week_start, week_end, low, mid, high from cash_forecast_weeks order by forecast_id, week_start`.execute(
    db,
  );
  const byRun = new Map<number, WeekRow[]>();
  for (const w of weeks.rows) byRun.set(Number(w.forecast_id), [...(byRun.get(Number(w.forecast_id)) ?? []), w]);
  return runs.rows.map((r) => ({
    id: Number(r.id),
    asOf: asDate(r.as_of),
    currency: asCurrency(r.currency),
    method: r.method,
    by: r.by,
    recordedAt: new Date(r.recorded_at),
    weeks: (byRun.get(Number(r.id)) ?? []).map((w) => ({
      start: asDate(w.week_start),
      end: asDate(w.week_end),
      low: BigInt(w.low),
      mid: BigInt(w.mid),
      high: BigInt(w.high),
    })),
  }));
}

export async function appendCashForecast(
  db: Kysely<Database>,
  r: Omit<StoredCashForecast, 'id' | 'recordedAt'>,
  at: Date,
): Promise<StoredCashForecast> {
  const { rows } = await sql<RunRow>`
    insert into cash_forecasts (as_of, currency, method, by, recorded_at)
    values (${r.asOf}::date, ${r.currency}, ${r.method}, ${r.by}, ${at})
    returning id, as_of, currency, method, by, recorded_at`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  for (const w of r.weeks)
    await sql`insert into cash_forecast_weeks (forecast_id, week_start, week_end, low, mid, high)
      values (${row.id}, ${w.start}::date, ${w.end}::date, ${w.low}, ${w.mid}, ${w.high})`.execute(db);
  return { ...r, id: Number(row.id), recordedAt: new Date(row.recorded_at) };
}
