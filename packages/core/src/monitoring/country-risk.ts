import { type BusinessDate, parseDate } from '../calendar/date';
import { fail, ok, type Result } from '../result';

/** A country's risk class (0 best … 7 worst, as export credit agencies publish) in force from a date. */
export interface CountryRiskClass {
  /** ISO 3166 code, upper-cased, as the buyers carry it (alpha-2 or alpha-3). */
  readonly country: string;
  readonly riskClass: number;
  readonly validFrom: BusinessDate;
  /** Who published it (OECD, Sinosure, the credit manager's own). */
  readonly source: string;
}

/**
 * How far back `country_risk_worsened` looks: the class in force on the date is compared with the class in force
 * this many days before (so a worsening alerts for 90 days, then clears; a class first recorded within the window
 * has nothing to compare with).
 */
export const COUNTRY_RISK_LOOKBACK_DAYS = 90;

/** One class from its text cells; the field named in the failure is `country`, `class`, `valid_from` or `source`. */
export function parseCountryRiskClass(cells: {
  readonly country: string;
  readonly riskClass: string;
  readonly validFrom: string;
  readonly source: string;
}): Result<CountryRiskClass> {
  const country = cells.country.trim().toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(country))
    return fail('invalid_field', { field: 'country', value: cells.country, reason: 'not_a_country_code' });
  const c = cells.riskClass.trim();
  if (!/^[0-7]$/.test(c))
    return fail('invalid_field', { field: 'class', value: cells.riskClass, reason: 'not_a_risk_class' });
  const validFrom = parseDate(cells.validFrom.trim());
  if (!validFrom.ok) return fail('invalid_date', { field: 'valid_from', value: cells.validFrom });
  const source = cells.source.trim();
  if (source === '' || source.length > 100) return fail('missing_field', { field: 'source' });
  return ok({ country, riskClass: Number(c), validFrom: validFrom.value, source });
}
