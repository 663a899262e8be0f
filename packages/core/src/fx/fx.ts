import type { BusinessDate } from '../calendar/date';
import { type CurrencyCode, exponentOf } from '../money/currency';
import { type Decimal, pow10 } from '../money/decimal';
import { type Money, money } from '../money/money';
import { divideRounded } from '../money/round';
import { fail, ok, type Result } from '../result';

/** 1 unit of `from` = `rate` units of `to`, from `date` on (until a later rate replaces it). */
export interface FxRate {
  readonly date: BusinessDate;
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly rate: Decimal;
}

/** The rate in force on `asOf`: the latest dated on or before it, direct or inverted. */
export function findRate(
  rates: readonly FxRate[],
  from: CurrencyCode,
  to: CurrencyCode,
  asOf: BusinessDate,
): { rate: FxRate; inverted: boolean } | undefined {
  let best: { rate: FxRate; inverted: boolean } | undefined;
  for (const r of rates) {
    if (r.date > asOf) continue;
    const direct = r.from === from && r.to === to;
    const inverse = r.from === to && r.to === from;
    if (!direct && !inverse) continue;
    if (!best || r.date > best.rate.date || (r.date === best.rate.date && direct))
      best = { rate: r, inverted: inverse };
  }
  return best;
}

/** The exact conversion factor num/den (target minor units per source minor unit) in force on `asOf`. */
function factor(
  from: CurrencyCode,
  to: CurrencyCode,
  rates: readonly FxRate[],
  asOf: BusinessDate,
): Result<{ num: bigint; den: bigint }> {
  const found = findRate(rates, from, to, asOf);
  if (!found) return fail('missing_fx_rate', { from, to, date: asOf });
  const { coefficient, scale } = found.rate.rate;
  if (coefficient <= 0n) return fail('invalid_rate', { value: `${from}/${to}`, date: found.rate.date });
  const shift = pow10(exponentOf(to));
  const unshift = pow10(exponentOf(from));
  return ok(
    found.inverted
      ? { num: pow10(scale) * shift, den: coefficient * unshift }
      : { num: coefficient * shift, den: pow10(scale) * unshift },
  );
}

/** Converts with the rate in force on `asOf`, rounding once, half-up, to the target's minor unit. */
export function convert(m: Money, to: CurrencyCode, rates: readonly FxRate[], asOf: BusinessDate): Result<Money> {
  if (m.currency === to) return ok(m);
  const f = factor(m.currency, to, rates, asOf);
  if (!f.ok) return f;
  return ok(money(divideRounded(m.amount * f.value.num, f.value.den, 'half-up'), to));
}

/**
 * Converts the parts of one amount (e.g. the aging buckets of one currency) so that the converted parts
 * add up exactly to the converted total: the total is rounded once, half-up, like `convert`; each part
 * is floored and the units left over go to the parts with the largest remainders (ties: earliest part).
 */
export function convertParts(
  parts: readonly bigint[],
  from: CurrencyCode,
  to: CurrencyCode,
  rates: readonly FxRate[],
  asOf: BusinessDate,
): Result<{ parts: bigint[]; total: bigint }> {
  const sum = parts.reduce((a, b) => a + b, 0n);
  if (from === to) return ok({ parts: [...parts], total: sum });
  const f = factor(from, to, rates, asOf);
  if (!f.ok) return f;
  const { num, den } = f.value;
  const total = divideRounded(sum * num, den, 'half-up');
  const floors = parts.map((p) => divideRounded(p * num, den, 'floor'));
  const remainders = parts.map((p, i) => ({ i, r: p * num - (floors[i] ?? 0n) * den }));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return ok({ parts: floors, total });
}
