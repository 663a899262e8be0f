import { addDays, type BusinessDate, daysBetween } from '../calendar';
import type { CurrencyCode } from '../money/currency';
import type { Decimal } from '../money/decimal';
import { divideRounded } from '../money/round';
import { fail, ok, type Result } from '../result';
import { compensationCurrency, fixedCompensation } from './compensation';
import { type HalfYear, halfYearBounds, halfYearOf, type RateTables, referenceRate } from './rates';

export type Regime = 'eu' | 'uk' | 'de-b2b' | 'de-consumer' | 'fr' | 'cn' | 'contract';

/** A contractual rate: percent per day or per year (simple, actual/365). */
export interface ContractRate {
  readonly percent: Decimal;
  readonly per: 'day' | 'year';
}

export interface InterestCase {
  readonly regime: Regime;
  readonly principal: bigint;
  readonly currency: CurrencyCode;
  readonly due: BusinessDate;
  /** Partial (or full) payments, any order; each reduces the principal from the day after its date. */
  readonly payments: readonly { readonly date: BusinessDate; readonly amount: bigint }[];
  /** The whole remaining principal paid on this date; without it the payments must cover the principal. */
  readonly paid?: BusinessDate;
  /** Required for `contract`; for the others it replaces the statutory rate. */
  readonly rate?: ContractRate;
  /** False: interest only, no fixed compensation (e.g. an invoice in another currency than the statute's sum). */
  readonly compensation?: false;
  /** The original invoice amount the fixed compensation is based on (UK bands), when the principal is less. */
  readonly invoiceAmount?: bigint;
}

export interface InterestPeriod {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  readonly days: number;
  /** The rate of the period, percent per year (per day for a daily rate, marked in `per`). */
  readonly ratePercent: Decimal;
  readonly per: 'day' | 'year';
  /** Principal outstanding in the period (minor units). */
  readonly base: bigint;
}

export interface InterestResult {
  readonly currency: CurrencyCode;
  readonly interest: bigint;
  readonly compensation: bigint;
  readonly total: bigint;
  readonly periods: readonly InterestPeriod[];
}

const pct = (coefficient: bigint, scale: number): Decimal => ({ coefficient, scale });
const plus = (a: Decimal, points: number): Decimal => {
  const s = a.scale;
  return pct(a.coefficient + BigInt(points) * 10n ** BigInt(s), s);
};

/** The statutory annual rate of a regime on accrual day `d` (UK: fixed at the first accrual day's half-year). */
function statutoryRate(c: InterestCase, d: BusinessDate, tables: RateTables): Result<ContractRate> {
  const h: HalfYear = c.regime === 'uk' ? halfYearOf(addDays(c.due, 1)) : halfYearOf(d);
  const year = (series: 'ecb' | 'boe' | 'de-base', points: number): Result<ContractRate> => {
    const r = referenceRate(tables, series, h);
    return r.ok ? ok({ percent: plus(r.value, points), per: 'year' }) : r;
  };
  switch (c.regime) {
    case 'eu':
      return year('ecb', 8);
    case 'fr':
      return year('ecb', 10);
    case 'uk':
      return year('boe', 8);
    case 'de-b2b':
      return year('de-base', 9);
    case 'de-consumer':
      return year('de-base', 5);
    case 'cn':
      return ok({ percent: pct(5n, 2), per: 'day' }); // 0.05 % a day
    case 'contract':
      return fail('missing_field', { field: 'rate' });
  }
}

/**
 * France: an agreed rate may not be below three times the legal interest rate of the half-year; applied when
 * the tables have that rate (series `fr-legal`), else the agreed rate stands as given.
 */
function frenchFloor(agreed: ContractRate, d: BusinessDate, tables: RateTables): ContractRate {
  const legal = tables['fr-legal'].get(halfYearOf(d));
  if (legal === undefined) return agreed;
  const floor = { coefficient: legal.coefficient * 3n, scale: legal.scale };
  // Compare per year: a daily rate counts 365 times.
  const yearly =
    agreed.per === 'day' ? { ...agreed.percent, coefficient: agreed.percent.coefficient * 365n } : agreed.percent;
  const s = Math.max(yearly.scale, floor.scale);
  const up = (x: Decimal) => x.coefficient * 10n ** BigInt(s - x.scale);
  return up(yearly) < up(floor) ? { percent: floor, per: 'year' } : agreed;
}

/**
 * Fixed compensation per invoice, on the original amount (`fixedCompensation`); an invoice in another currency
 * than the regime's sum is refused here (`lateInterest` states both or fails; the letters leave it out).
 */
function compensation(c: InterestCase): Result<bigint> {
  const own = compensationCurrency(c.regime);
  if (own === undefined) return ok(0n);
  const fixed = fixedCompensation(c.regime, c.currency, c.invoiceAmount ?? c.principal);
  return fixed
    ? ok(fixed.amount)
    : fail('currency_mismatch', { a: c.currency, b: own, reason: 'compensation_currency' });
}

/**
 * Late-payment interest and compensation (docs/domain/late-interest.md, ../shared/guides/late-payment-rules.md):
 * simple interest from the day after the due date to the payment date inclusive, actual/365, split by
 * half-year and by principal; partial payments reduce the principal from the day after their date; the sum is
 * exact and rounded once, half-up, to the currency's minor unit.
 */
export function lateInterest(c: InterestCase, tables: RateTables): Result<InterestResult> {
  if (c.principal <= 0n) return fail('invalid_amount', { value: c.principal.toString(), reason: 'not_positive' });
  if (c.regime === 'contract' && c.rate === undefined) return fail('missing_field', { field: 'rate' });
  const payments = [...c.payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const p of payments) {
    if (p.amount <= 0n) return fail('invalid_amount', { value: p.amount.toString(), reason: 'not_positive' });
    if (p.date <= c.due) return fail('invalid_date', { value: p.date, reason: 'not_after_due' });
  }
  if (payments.reduce((s, p) => s + p.amount, 0n) > c.principal)
    return fail('invalid_amount', { reason: 'payments_exceed_principal', value: c.principal.toString() });
  let end: BusinessDate | undefined = c.paid;
  if (end === undefined) {
    let left = c.principal;
    for (const p of payments) {
      left -= p.amount;
      if (left === 0n) end = p.date;
    }
    if (end === undefined) return fail('missing_field', { field: 'paid', reason: 'principal_not_paid' });
  }
  if (end <= c.due) return fail('invalid_date', { value: end, reason: 'not_after_due' });

  // Walk from the first accrual day to `end`, cutting at half-year ends and after each payment date.
  const periods: InterestPeriod[] = [];
  let base = c.principal;
  let day = addDays(c.due, 1);
  let i = 0;
  // Exact sum: numerator over 100 × 10^S × 365, S the largest rate scale seen (rescaled as it grows).
  let num = 0n;
  let scale = 0;
  while (day <= end && base > 0n) {
    const halfEnd = halfYearBounds(halfYearOf(day)).to;
    const nextPayment = payments[i];
    let to: BusinessDate = halfEnd < end ? halfEnd : end;
    if (nextPayment !== undefined && nextPayment.date < to) to = nextPayment.date;
    const rate =
      (c.rate && c.regime === 'fr' ? frenchFloor(c.rate, day, tables) : c.rate) ??
      (() => {
        const r = statutoryRate(c, day, tables);
        return r.ok ? r.value : undefined;
      })();
    if (rate === undefined) {
      const r = statutoryRate(c, day, tables);
      return r.ok ? fail('missing_field', { field: 'rate' }) : r;
    }
    const days = daysBetween(day, to) + 1;
    periods.push({ from: day, to, days, ratePercent: rate.percent, per: rate.per, base });
    if (rate.percent.scale > scale) {
      num *= 10n ** BigInt(rate.percent.scale - scale);
      scale = rate.percent.scale;
    }
    const coeff = rate.percent.coefficient * 10n ** BigInt(scale - rate.percent.scale);
    num += base * BigInt(days) * coeff * (rate.per === 'day' ? 365n : 1n);
    while (payments[i] !== undefined && (payments[i] as { date: BusinessDate }).date <= to) {
      base -= (payments[i] as { amount: bigint }).amount;
      i += 1;
    }
    day = addDays(to, 1);
  }
  // Amounts are minor units, so this one rounding is to the currency's minor unit.
  const interest = divideRounded(num, 100n * 10n ** BigInt(scale) * 365n, 'half-up');
  const comp = c.compensation === false ? ok(0n) : compensation(c);
  if (!comp.ok) return comp;
  return ok({ currency: c.currency, interest, compensation: comp.value, total: interest + comp.value, periods });
}
