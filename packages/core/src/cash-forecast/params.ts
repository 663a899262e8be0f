import { type Fraction, parseFraction, times } from '../ecl/loss-rate';
import { fail, ok, type Result } from '../result';

/**
 * The cash forecast's probabilities, as data (docs/domain/cash-forecast.md): the chance that each kind of
 * expected receipt is collected at all. Rates are fractions or percentages as text ("90%").
 */
export interface CashForecastParams {
  /** An open promise to pay is kept (before broken promises). */
  readonly promiseKept: Fraction;
  /** An instalment of an active payment plan is paid. */
  readonly planInstalment: Fraction;
  /** An open claim's indemnity is paid by the insurer. */
  readonly indemnity: Fraction;
  /** An item not yet due is paid. */
  readonly notDue: Fraction;
  /** An overdue item is paid, by days overdue: the last step whose `from` is ≤ the days overdue. */
  readonly overdue: readonly { readonly from: number; readonly rate: Fraction }[];
  /** Applied once per promise the buyer broke in the `brokenWindowDays` before the as-of date (to promises and overdue items). */
  readonly brokenPromiseFactor: Fraction;
  readonly brokenWindowDays: number;
  /** The band's half-width in standard deviations (1.2816: an 80 % two-sided interval). */
  readonly bandZ: number;
}

export const DEFAULT_CASH_FORECAST_PARAMS_JSON = {
  promiseKept: '90%',
  planInstalment: '90%',
  indemnity: '95%',
  notDue: '99%',
  overdue: [
    { from: 1, rate: '95%' },
    { from: 31, rate: '85%' },
    { from: 61, rate: '70%' },
    { from: 91, rate: '50%' },
    { from: 181, rate: '25%' },
    { from: 366, rate: '5%' },
  ],
  brokenPromiseFactor: '80%',
  brokenWindowDays: 365,
  bandZ: 1.2816,
} as const;

type ParamsJson = {
  readonly [K in keyof CashForecastParams]?: unknown;
};

function rate(v: unknown, name: string): Result<Fraction> {
  if (typeof v !== 'string') return fail('invalid_argument', { reason: 'not_a_rate', name });
  const f = parseFraction(v);
  if (!f.ok || f.value.num > f.value.den) return fail('invalid_argument', { reason: 'not_a_probability', name });
  return ok(f.value);
}

/** Parses parameters given as JSON (missing members take the defaults). */
export function parseCashForecastParams(json: unknown): Result<CashForecastParams> {
  if (typeof json !== 'object' || json === null) return fail('invalid_argument', { reason: 'not_an_object' });
  const j = { ...DEFAULT_CASH_FORECAST_PARAMS_JSON, ...(json as ParamsJson) } as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['promiseKept', 'planInstalment', 'indemnity', 'notDue', 'brokenPromiseFactor']) {
    const r = rate(j[k], k);
    if (!r.ok) return r;
    out[k] = r.value;
  }
  if (!Array.isArray(j.overdue) || j.overdue.length === 0)
    return fail('invalid_argument', { reason: 'overdue_steps', name: 'overdue' });
  const steps: { from: number; rate: Fraction }[] = [];
  for (const s of j.overdue as unknown[]) {
    const st = s as { from?: unknown; rate?: unknown };
    if (typeof st.from !== 'number' || !Number.isInteger(st.from) || st.from < 1)
      return fail('invalid_argument', { reason: 'overdue_steps', name: 'overdue' });
    const r = rate(st.rate, 'overdue');
    if (!r.ok) return r;
    steps.push({ from: st.from, rate: r.value });
  }
  steps.sort((a, b) => a.from - b.from);
  const window = j.brokenWindowDays;
  const z = j.bandZ;
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 0)
    return fail('invalid_argument', { reason: 'not_a_number', name: 'brokenWindowDays' });
  if (typeof z !== 'number' || !(z >= 0)) return fail('invalid_argument', { reason: 'not_a_number', name: 'bandZ' });
  return ok({
    ...(out as Omit<CashForecastParams, 'overdue' | 'brokenWindowDays' | 'bandZ'>),
    overdue: steps,
    brokenWindowDays: window,
    bandZ: z,
  });
}

const parsedDefaults = parseCashForecastParams({});
if (!parsedDefaults.ok) throw new Error('the default cash forecast parameters do not parse');
export const DEFAULT_CASH_FORECAST_PARAMS: CashForecastParams = parsedDefaults.value;

/** The chance an item is paid at all: not due, or the overdue step for its days, times the broken-promise factor per break. */
export function collectionProbability(p: CashForecastParams, daysOverdue: number, brokenPromises: number): Fraction {
  let r = p.notDue;
  if (daysOverdue > 0) {
    r = p.overdue[0]?.rate ?? p.notDue;
    for (const s of p.overdue) if (s.from <= daysOverdue) r = s.rate;
  }
  for (let i = 0; i < brokenPromises; i++) r = times(r, p.brokenPromiseFactor);
  return r;
}
