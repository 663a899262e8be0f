import type { BusinessDate } from '../calendar';
import { convert, type FxRate } from '../fx';
import type { CurrencyCode } from '../money/currency';
import { money } from '../money/money';
import { divideRounded, splitLargestRemainder } from '../money/round';
import { fail, ok, type Result } from '../result';
import { CASH_SOURCES, type CashFlow, type CashSource } from './flows';
import { type CashPeriod, periodIndex } from './periods';

/** One period's expected collections in the reporting currency: the band and the mid split by source. */
export interface CashFigure {
  readonly low: bigint;
  readonly mid: bigint;
  readonly high: bigint;
  readonly sources: Readonly<Record<CashSource, bigint>>;
}

export interface CashSeries {
  /** One per period, in order. */
  readonly figures: readonly CashFigure[];
  /** Expected after the last period (mid). */
  readonly beyond: bigint;
  /** Σ of the mids and `beyond`: what the flows are expected to bring in all. */
  readonly expected: bigint;
}

export interface CashGroup extends CashSeries {
  readonly key: string;
}

export interface CashForecastResult extends CashSeries {
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode;
  readonly periods: readonly CashPeriod[];
  readonly groups?: readonly CashGroup[];
}

/** A flow in the reporting currency with its expected amount split over the periods (and beyond, last). */
interface Spread {
  readonly flow: CashFlow;
  /** The amount in the reporting currency. */
  readonly amount: bigint;
  /** Expected amount per period, then beyond: amount × probability rounded once, split by largest remainder. */
  readonly parts: readonly bigint[];
  /** Per period (then beyond): the share of the dates falling in it, as count / n. */
  readonly counts: readonly bigint[];
}

function spread(flow: CashFlow, periods: readonly CashPeriod[], amount: bigint): Spread {
  const counts = Array.from({ length: periods.length + 1 }, () => 0n);
  for (const d of flow.dates) {
    const i = periodIndex(periods, d);
    counts[i] = (counts[i] ?? 0n) + 1n;
  }
  const expected = divideRounded(amount * flow.probability.num, flow.probability.den, 'half-up');
  return { flow, amount, counts, parts: splitLargestRemainder(expected, counts) };
}

/**
 * Sums the flows per period. mid = Σ expected parts. Each flow is treated as one draw: it comes, in full, in
 * period b with probability q = probability × count_b / n, so its variance there is amount² × q × (1 − q);
 * the band is mid ± z × √(Σ variance), rounded half-up to the minor unit, low not below 0 and high not above
 * what the flows that can land in the period amount to.
 */
function series(spreads: readonly Spread[], periods: readonly CashPeriod[], z: number): CashSeries {
  const figures: CashFigure[] = periods.map((_, b) => {
    let mid = 0n;
    let cap = 0n;
    let variance = 0;
    const sources = Object.fromEntries(CASH_SOURCES.map((s) => [s, 0n])) as Record<CashSource, bigint>;
    for (const s of spreads) {
      const part = s.parts[b] ?? 0n;
      const count = s.counts[b] ?? 0n;
      if (count === 0n) continue;
      mid += part;
      sources[s.flow.source] += part;
      cap += s.amount;
      const q =
        (Number(s.flow.probability.num) / Number(s.flow.probability.den)) * (Number(count) / s.flow.dates.length);
      const a = Number(s.amount);
      variance += a * a * q * (1 - q);
    }
    const half = BigInt(Math.round(z * Math.sqrt(variance)));
    const low = mid - half < 0n ? 0n : mid - half;
    const high = mid + half > cap ? cap : mid + half;
    return { low, mid, high, sources };
  });
  const beyond = spreads.reduce((s, x) => s + (x.parts[periods.length] ?? 0n), 0n);
  return { figures, beyond, expected: figures.reduce((s, f) => s + f.mid, 0n) + beyond };
}

export interface CashForecastOptions {
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode;
  readonly periods: readonly CashPeriod[];
  readonly rates: readonly FxRate[];
  readonly bandZ: number;
  /** Also per buyer or per the flows' own currency. */
  readonly by?: 'buyer' | 'currency';
}

/**
 * The cash forecast: each flow converted to the reporting currency at the as-of date's rate (rounded once,
 * half-up), its expected amount spread over the periods, the totals per period with their band, and per group.
 */
export function cashForecast(flows: readonly CashFlow[], o: CashForecastOptions): Result<CashForecastResult> {
  const spreads: Spread[] = [];
  for (const f of flows) {
    const c = convert(money(f.amount, f.currency), o.currency, o.rates, o.asOf);
    if (!c.ok) return fail(c.error.code, c.error.params);
    spreads.push(spread(f, o.periods, c.value.amount));
  }
  const all = series(spreads, o.periods, o.bandZ);
  let groups: CashGroup[] | undefined;
  if (o.by !== undefined) {
    const keyOf = (s: Spread) => (o.by === 'buyer' ? s.flow.buyerId : s.flow.currency);
    const keys = [...new Set(spreads.map(keyOf))].sort();
    groups = keys.map((key) => ({
      key,
      ...series(
        spreads.filter((s) => keyOf(s) === key),
        o.periods,
        o.bandZ,
      ),
    }));
  }
  return ok({
    asOf: o.asOf,
    currency: o.currency,
    periods: o.periods,
    ...all,
    ...(groups !== undefined ? { groups } : {}),
  });
}
