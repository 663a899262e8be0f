import { addDays, type BusinessDate } from '@credence/core';
import { COUNTRY_RISK_LOOKBACK_DAYS, type MonitoredBuyer } from '@credence/core/monitoring';
import type { MonitoringReads } from './ports';

export type CountryRisk = NonNullable<MonitoredBuyer['countryRisk']>;

/**
 * Each buyer country's risk class as `country_risk_worsened` compares it (one query for the portfolio): the class in
 * force on the date, and the class in force at the start of the look-back window (`COUNTRY_RISK_LOOKBACK_DAYS`
 * before). A country with no class then (first recorded within the window) or none now is left out: nothing to
 * compare.
 */
export async function countryRiskOf(
  store: Pick<MonitoringReads, 'countryRisks'>,
  asOf: BusinessDate,
): Promise<ReadonlyMap<string, CountryRisk>> {
  const rows = await store.countryRisks(asOf, addDays(asOf, -COUNTRY_RISK_LOOKBACK_DAYS));
  const out = new Map<string, CountryRisk>();
  for (const r of rows) if (r.previous !== undefined) out.set(r.country, { value: r.value, previous: r.previous });
  return out;
}
