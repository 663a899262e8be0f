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

/** Converts with the rate in force on `asOf`, rounding once, half-up, to the target's minor unit. */
export function convert(m: Money, to: CurrencyCode, rates: readonly FxRate[], asOf: BusinessDate): Result<Money> {
  if (m.currency === to) return ok(m);
  const found = findRate(rates, m.currency, to, asOf);
  if (!found) return fail('missing_fx_rate', { from: m.currency, to, date: asOf });
  const { coefficient, scale } = found.rate.rate;
  const shift = pow10(exponentOf(to));
  const unshift = pow10(exponentOf(m.currency));
  const [num, den] = found.inverted
    ? [m.amount * pow10(scale) * shift, coefficient * unshift]
    : [m.amount * coefficient * shift, pow10(scale) * unshift];
  return ok(money(divideRounded(num, den, 'half-up'), to));
}
