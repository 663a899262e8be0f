import { divideRounded } from '../money/round';
import { fail, ok, type Result } from '../result';

/** A loss rate (or factor) as an exact fraction, never a float: 0.3 % is 3/1000. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export const ONE: Fraction = { num: 1n, den: 1n };

/** "0.3%", "10.6 %", "0.003", "1" → an exact fraction; negative or malformed text is refused. */
export function parseFraction(text: string): Result<Fraction> {
  const t = text.trim();
  const m = /^(\d+)(?:\.(\d+))?\s*(%?)$/.exec(t);
  if (m === null) return fail('invalid_rate', { value: text, reason: 'not_a_rate' });
  const [, whole = '0', frac = '', pct] = m;
  const num = BigInt(whole + frac);
  const den = 10n ** BigInt(frac.length) * (pct === '%' ? 100n : 1n);
  return ok({ num, den });
}

export const times = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.num, den: a.den * b.den });

/** A factor as a plain decimal for display ("1.5"), up to `places` decimals, rounded half up once. */
export function fractionText(f: Fraction, places = 4): string {
  const scale = 10n ** BigInt(places);
  const x = divideRounded(f.num * scale, f.den, 'half-up');
  const rest = (x % scale).toString().padStart(places, '0').replace(/0+$/, '');
  return rest === '' ? `${x / scale}` : `${x / scale}.${rest}`;
}

/** a / b as a fraction, capped at 1 (a flow rate); 0 when nothing was there to flow. */
export function ratio(a: bigint, b: bigint): Fraction {
  if (b <= 0n || a <= 0n) return { num: 0n, den: 1n };
  return a >= b ? ONE : { num: a, den: b };
}

/** The rate as a percentage with up to `places` decimals, for display ("1.6%"); the exact fraction computes. */
export function percentText(f: Fraction, places = 4): string {
  const scaled = divideRounded(f.num * 100n * 10n ** BigInt(places), f.den, 'half-up');
  const s = scaled.toString().padStart(places + 1, '0');
  const whole = s.slice(0, s.length - places);
  const frac = s.slice(s.length - places).replace(/0+$/, '');
  return `${whole}${frac === '' ? '' : `.${frac}`}%`;
}

/**
 * A rates file, `{"rates": {"not_due": "0.3%", "1-30": "1.6%", …}}`: each bucket label's loss rate. Checked by
 * hand, not by a Zod schema: the CLI loads the core at start-up without Zod (see the cash-matching entry).
 */
export function parseRatesFile(json: unknown): Result<Record<string, Fraction>> {
  const t = parseEclTerms(json);
  if (!t.ok) return t;
  if (t.value.rates === undefined || t.value.segments !== undefined)
    return fail('invalid_field', { field: 'rates', reason: 'expected {"rates": {"<bucket>": "<rate>"}}' });
  return ok(t.value.rates);
}

/** A rates file's terms: portfolio rates and, per segment, rates and a forward-looking factor (each optional). */
export interface EclTerms {
  readonly rates?: Record<string, Fraction>;
  readonly segments?: Record<string, { readonly rates?: Record<string, Fraction>; readonly factor?: Fraction }>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function ratesOf(rates: unknown, where: string): Result<Record<string, Fraction>> {
  if (!isObject(rates)) return fail('invalid_field', { field: where, reason: 'expected {"<bucket>": "<rate>"}' });
  const out: Record<string, Fraction> = {};
  for (const [label, v] of Object.entries(rates)) {
    const f =
      typeof v === 'string' ? parseFraction(v) : fail('invalid_rate', { value: String(v), reason: 'not_a_rate' });
    if (!f.ok) return fail('invalid_rate', { ...f.error.params, label, field: where });
    out[label] = f.value;
  }
  return ok(out);
}

/**
 * A rates file with segments: `{"rates": {…}?, "segments": {"<segment>": {"rates": {…}?, "factor": "1.2"?}}?}` — a
 * segment's rates and factor replace the portfolio's for that segment (`report ecl --by`). Checked by hand.
 */
export function parseEclTerms(json: unknown): Result<EclTerms> {
  if (!isObject(json) || Object.keys(json).some((k) => k !== 'rates' && k !== 'segments'))
    return fail('invalid_field', {
      field: 'rates',
      reason: 'expected {"rates": {"<bucket>": "<rate>"}, "segments": {"<segment>": {"rates": {…}, "factor": "<x>"}}}',
    });
  const out: { rates?: Record<string, Fraction>; segments?: NonNullable<EclTerms['segments']> } = {};
  if (json.rates !== undefined) {
    const r = ratesOf(json.rates, 'rates');
    if (!r.ok) return r;
    out.rates = r.value;
  }
  if (json.segments !== undefined) {
    if (!isObject(json.segments)) return fail('invalid_field', { field: 'segments', reason: 'expected an object' });
    const segments: Record<string, { rates?: Record<string, Fraction>; factor?: Fraction }> = {};
    for (const [name, terms] of Object.entries(json.segments)) {
      const where = `segments.${name}`;
      if (!isObject(terms) || Object.keys(terms).some((k) => k !== 'rates' && k !== 'factor'))
        return fail('invalid_field', { field: where, reason: 'expected {"rates": {…}, "factor": "<x>"}' });
      const one: { rates?: Record<string, Fraction>; factor?: Fraction } = {};
      if (terms.rates !== undefined) {
        const r = ratesOf(terms.rates, `${where}.rates`);
        if (!r.ok) return r;
        one.rates = r.value;
      }
      if (terms.factor !== undefined) {
        const f =
          typeof terms.factor === 'string'
            ? parseFraction(terms.factor)
            : fail('invalid_rate', { value: String(terms.factor), reason: 'not_a_rate' });
        if (!f.ok) return fail('invalid_rate', { ...f.error.params, field: `${where}.factor` });
        one.factor = f.value;
      }
      segments[name] = one;
    }
    out.segments = segments;
  }
  return ok(out);
}
