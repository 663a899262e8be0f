import {
  addMonths,
  type BusinessDate,
  decimalToString,
  divideRounded,
  fromParts,
  mixSeed,
  parts,
  Rng,
} from '@credence/core';
import { EUR_PER_UNIT } from './catalog/countries';
import type { FxRateRow } from './rows';

const PPM = 1_000_000n;

function firstOfMonth(d: BusinessDate): BusinessDate {
  const [y, m] = parts(d);
  const r = fromParts(y, m, 1);
  if (!r.ok) throw new RangeError(`bad date ${d}`);
  return r.value;
}

/**
 * Monthly rates to EUR (1 unit of the currency = rate EUR) for every currency but EUR, on the first of
 * each month from the month of `start` to the month of `end`. Each month moves up to ±2 % at random,
 * pulled back towards the reference rate; all in integers, so the rates are exact decimals.
 */
export function monthlyFxRates(
  seed: number,
  currencies: readonly string[],
  start: BusinessDate,
  end: BusinessDate,
): FxRateRow[] {
  const rows: FxRateRow[] = [];
  const foreign = [...new Set(currencies)].filter((c) => c !== 'EUR').sort();
  foreign.forEach((currency, ci) => {
    const ref = EUR_PER_UNIT[currency];
    if (!ref) throw new RangeError(`no reference rate for ${currency}`);
    const rng = new Rng(mixSeed(seed, ci, 2));
    let coefficient = ref.coefficient;
    for (let month = firstOfMonth(start); month <= end; month = addMonths(month, 1)) {
      rows.push({
        date: month,
        from_currency: currency,
        to_currency: 'EUR',
        rate: decimalToString({ coefficient, scale: ref.scale }),
      });
      const step = BigInt(rng.int(-20_000, 20_000));
      const pull = divideRounded((ref.coefficient - coefficient) * 200_000n, ref.coefficient, 'half-even');
      coefficient = divideRounded(coefficient * (PPM + step + pull), PPM, 'half-even');
    }
  });
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.from_currency < b.from_currency ? -1 : 1));
}
