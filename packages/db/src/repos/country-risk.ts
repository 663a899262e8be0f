import type { CountryRiskPair } from '@credence/app/monitoring';
import type { BusinessDate } from '@credence/core';
import type { CountryRiskClass } from '@credence/core/monitoring';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/**
 * Records classes (one row per country and date): a row with the same class and source as the stored one is left
 * as it is; another class or source for the same country and date replaces it. Returns the rows written.
 */
export async function putCountryRiskClasses(
  db: Kysely<Database>,
  rows: readonly CountryRiskClass[],
  by: string,
  recordedAt: Date,
): Promise<CountryRiskClass[]> {
  if (rows.length === 0) return [];
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.country}, ${r.validFrom}::date, ${r.riskClass}::smallint, ${r.source}, ${by}, ${recordedAt.toISOString()}::timestamptz)`,
    ),
  );
  const written = await sql<{ country: string; valid_from: string }>`
    insert into country_risk_classes as t (country, valid_from, risk_class, source, by, recorded_at)
    values ${values}
    on conflict (country, valid_from) do update
      set risk_class = excluded.risk_class, source = excluded.source, by = excluded.by, recorded_at = excluded.recorded_at
      where (t.risk_class, t.source) is distinct from (excluded.risk_class, excluded.source)
    returning country, valid_from::text as valid_from`.execute(db);
  const key = (country: string, on: string) => `${country}|${on}`;
  const done = new Set(written.rows.map((r) => key(r.country, r.valid_from)));
  return rows.filter((r) => done.has(key(r.country, r.validFrom)));
}

/**
 * For every country a buyer is in, one query: the class in force on `asOf` and the class in force on `since` (null
 * when none was).
 */
export async function countryRisks(
  db: Kysely<Database>,
  asOf: BusinessDate,
  since: BusinessDate,
): Promise<CountryRiskPair[]> {
  const inForce = (on: BusinessDate) => sql<number | null>`(select r.risk_class from country_risk_classes r
    where r.country = c.country and r.valid_from <= ${on}::date order by r.valid_from desc limit 1)`;
  const r = await sql<{ country: string; value: number | null; previous: number | null }>`
    select c.country, ${inForce(asOf)} as value, ${inForce(since)} as previous
    from (select distinct country from buyers) c`.execute(db);
  return r.rows
    .filter((x) => x.value !== null)
    .map((x) => ({
      country: x.country,
      value: Number(x.value),
      ...(x.previous !== null ? { previous: Number(x.previous) } : {}),
    }));
}
