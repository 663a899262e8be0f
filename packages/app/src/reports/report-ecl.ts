import {
  addMonths,
  type BusinessDate,
  type CurrencyCode,
  type ExposureBucket,
  type Failure,
  type Fraction,
  fail,
  ok,
  type ProvisionRow,
  provisionMatrix,
  type Result,
  rollRateLossRates,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { insuredByBucket } from './ecl-insured';
import { reportAging } from './report-aging';

/** The IFRS 9 example's buckets: not_due, 1-30, 31-60, 61-90, 90+. */
export const ECL_BOUNDS: readonly number[] = [30, 60, 90];

export interface EclQuery {
  readonly asOf: BusinessDate;
  /** Loss rate per bucket label; absent: derived by roll rates over `months` months of the ledger. */
  readonly rates?: Readonly<Record<string, Fraction>>;
  readonly months?: number;
  /** Forward-looking adjustment factor (1 = none). */
  readonly factor?: Fraction;
  readonly bounds?: readonly number[];
  readonly reportingCurrency?: CurrencyCode;
  readonly compare?: BusinessDate;
}

export interface EclFigures {
  readonly asOf: BusinessDate;
  readonly buckets: readonly ProvisionRow[];
  readonly total: bigint;
  /** How the rates were had: given, or derived over months (with the flow rates). */
  readonly rates: { readonly source: 'given' } | { readonly source: 'roll-rates'; readonly months: number };
}

export interface EclResult extends EclFigures {
  readonly currency: CurrencyCode;
  readonly compare?: EclFigures & { readonly movement: bigint };
}

interface Exposures {
  readonly currency: CurrencyCode;
  readonly labels: readonly string[];
  readonly amounts: readonly bigint[];
}

async function exposures(
  store: LedgerReads,
  asOf: BusinessDate,
  bounds: readonly number[],
  currency: CurrencyCode | undefined,
): Promise<Result<Exposures, Failure>> {
  const aging = await reportAging(store, {
    asOf,
    bounds,
    ...(currency !== undefined ? { reportingCurrency: currency } : {}),
  });
  if (!aging.ok) return aging;
  const { labels, reports, reporting } = aging.value;
  if (reporting !== undefined) return ok({ currency: reporting.currency, labels, amounts: reporting.buckets });
  if (reports.length > 1)
    return fail('invalid_argument', {
      reason: 'several_currencies',
      currencies: reports.map((r) => r.currency).join(','),
    });
  const one = reports[0];
  if (one === undefined) return fail('invalid_argument', { reason: 'nothing_open', asOf });
  return ok({ currency: one.currency, labels, amounts: one.buckets.map((b) => b.amount) });
}

async function figures(store: LedgerReads, q: EclQuery, asOf: BusinessDate): Promise<Result<EclResult, Failure>> {
  const bounds = q.bounds ?? ECL_BOUNDS;
  const now = await exposures(store, asOf, bounds, q.reportingCurrency);
  if (!now.ok) return now;
  const { labels, amounts, currency } = now.value;
  let rates = q.rates;
  const months = q.months ?? 12;
  if (rates === undefined) {
    const snapshots: bigint[][] = [];
    for (let k = months; k >= 0; k--) {
      const e = await exposures(store, addMonths(asOf, -k), bounds, currency);
      // A month-end with nothing open (before the ledger began) contributes nothing to the flows.
      snapshots.push(e.ok ? [...e.value.amounts] : labels.map(() => 0n));
    }
    const derived = rollRateLossRates(snapshots).rates;
    rates = Object.fromEntries(labels.map((l, j) => [l, derived[j] as Fraction]));
  }
  const cover = await insuredByBucket(store, asOf, bounds, currency);
  if (!cover.ok) return cover;
  const { insured, covered } = cover.value;
  const buckets: ExposureBucket[] = labels.map((label, j) => {
    const part = insured[j] ?? 0n;
    const paid = covered[j];
    return {
      label,
      exposure: amounts[j] ?? 0n,
      ...(part > 0n && paid !== undefined ? { insured: part, covered: paid } : {}),
    };
  });
  const m = provisionMatrix(buckets, rates, q.factor !== undefined ? { factor: q.factor } : {});
  if (!m.ok) return m;
  return ok({
    asOf,
    currency,
    buckets: m.value.buckets,
    total: m.value.total,
    rates: q.rates !== undefined ? { source: 'given' } : { source: 'roll-rates', months },
  });
}

/**
 * Lifetime expected credit loss of the trade receivables as of a date by a provision matrix (IFRS 9 simplified
 * approach, docs/domain/expected-credit-loss.md): the aging's buckets in the reporting currency times the loss
 * rates (given, or derived by roll rates over the months before the date) times the forward-looking factor;
 * with `compare`, the same as of that date and the movement. The insured parts under the stored credit insurance
 * policies (`insuredByBucket`) carry no loss for the share their cover pays.
 */
export async function reportEcl(store: LedgerReads, q: EclQuery): Promise<Result<EclResult, Failure>> {
  const main = await figures(store, q, q.asOf);
  if (!main.ok || q.compare === undefined) return main;
  const before = await figures(store, { ...q, reportingCurrency: main.value.currency }, q.compare);
  if (!before.ok) return before;
  const { currency: _, ...rest } = before.value;
  return ok({ ...main.value, compare: { ...rest, movement: main.value.total - before.value.total } });
}
