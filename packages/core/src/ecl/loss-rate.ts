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
  const rates = typeof json === 'object' && json !== null ? (json as { rates?: unknown }).rates : undefined;
  const keys = typeof json === 'object' && json !== null ? Object.keys(json) : [];
  if (typeof rates !== 'object' || rates === null || Array.isArray(rates) || keys.some((k) => k !== 'rates'))
    return fail('invalid_field', { field: 'rates', reason: 'expected {"rates": {"<bucket>": "<rate>"}}' });
  const out: Record<string, Fraction> = {};
  for (const [label, v] of Object.entries(rates)) {
    const f =
      typeof v === 'string' ? parseFraction(v) : fail('invalid_rate', { value: String(v), reason: 'not_a_rate' });
    if (!f.ok) return fail('invalid_rate', { ...f.error.params, label });
    out[label] = f.value;
  }
  return ok(out);
}
