import type { BusinessDate } from '../calendar';
import { type Decimal, parseDecimal } from '../money/decimal';
import { fail, ok, type Result } from '../result';

/** A half-year: 1 Jan–30 Jun (H1) or 1 Jul–31 Dec (H2), written `2025-H1`. */
export type HalfYear = `${number}-H${1 | 2}`;

export const halfYearOf = (d: BusinessDate): HalfYear =>
  `${Number(d.slice(0, 4))}-H${d.slice(5, 7) <= '06' ? 1 : 2}` as HalfYear;

/** The first and last day of a half-year. */
export function halfYearBounds(h: HalfYear): { from: BusinessDate; to: BusinessDate } {
  const [y, half] = h.split('-H');
  return half === '1'
    ? { from: `${y}-01-01` as BusinessDate, to: `${y}-06-30` as BusinessDate }
    : { from: `${y}-07-01` as BusinessDate, to: `${y}-12-31` as BusinessDate };
}

/**
 * Reference rates (percent) by half-year, per series, as the regimes use them: the ECB main refinancing
 * rate in force on 1 January / 1 July (`ecb`), the Bank of England base rate on 31 December / 30 June
 * (`boe`), the German Basiszinssatz (`de-base`). Shipped as data, extendable by the user. Optional:
 * `fr-legal`, the French taux de l'intérêt légal (for professional creditors) by half-year: when present,
 * an agreed rate under `fr` is raised to three times it (Code de commerce L. 441-10).
 */
export type RateSeries = 'ecb' | 'boe' | 'de-base' | 'fr-legal';
export type RateTables = Readonly<Record<RateSeries, ReadonlyMap<HalfYear, Decimal>>>;

/** The reference rate of a series for a half-year, or an error that says what to add. */
export function referenceRate(tables: RateTables, series: RateSeries, h: HalfYear): Result<Decimal> {
  const r = tables[series].get(h);
  return r === undefined
    ? fail('not_found', {
        what: 'reference rate',
        id: `${series} ${h}`,
        reason: 'no_reference_rate',
        series,
        halfYear: h,
      })
    : ok(r);
}

const HALF = /^\d{4}-H[12]$/;

/** Reads rate tables from JSON: `{"ecb": {"2025-H1": "3.15", …}, "boe": {…}, "de-base": {…}}`. */
export function parseRateTables(json: unknown): Result<RateTables> {
  const o = json as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) return fail('invalid_field', { field: 'rates', reason: 'not_an_object' });
  const out = {} as Record<RateSeries, Map<HalfYear, Decimal>>;
  for (const series of ['ecb', 'boe', 'de-base', 'fr-legal'] as const) {
    const m = new Map<HalfYear, Decimal>();
    const t = (o[series] ?? {}) as Record<string, unknown>;
    for (const [h, v] of Object.entries(t)) {
      if (!HALF.test(h) || typeof v !== 'string')
        return fail('invalid_field', { field: `${series}.${h}`, reason: 'rate' });
      const d = parseDecimal(v);
      if (!d.ok) return fail('invalid_field', { field: `${series}.${h}`, reason: 'rate' });
      m.set(h as HalfYear, d.value);
    }
    out[series] = m;
  }
  return ok(out);
}
